package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /employee_groups}: list, get, create, update (admins), members, join, leave (the current employee), message. */
final class EmployeeGroupsHandler {

    private final FakeState state;

    EmployeeGroupsHandler(FakeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get(
                        "/employee_groups",
                        exchange -> Reply.ok("employee_groups", Json.array(new ArrayList<>(state.groups.values()))))
                .get(
                        "/employee_groups/:id",
                        exchange -> Reply.ok("employee_group", state.group(exchange.idParam("id"))))
                .get(
                        "/employee_groups/:id/employees",
                        exchange -> Reply.ok(
                                "employees",
                                Json.array(
                                        EmployeesHandler.sortedByName(members(state.group(exchange.idParam("id")))))))
                .post("/employee_groups", this::create)
                .put("/employee_groups/:id", this::update)
                .post("/employee_groups/:id/join", exchange -> membership(exchange, true))
                .post("/employee_groups/:id/leave", exchange -> membership(exchange, false))
                .post("/employee_groups/:id/message", this::message);
    }

    /** {@code POST /employee_groups}: an admin creates a group with a name and, optionally, members. */
    private Reply create(Exchange exchange) {
        requireAdmin();
        String name = name(exchange).orElseThrow(() -> HttpError.unprocessable("name", "can't be blank"));
        List<Long> members = memberIds(exchange).orElse(List.of());
        long id =
                state.groups.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        ObjectNode group = Json.object()
                .put("type", "EmployeeGroup")
                .put("id", id)
                .put("name", name)
                .put("live_presence", "unknown")
                .putNull("speed_dial")
                .put("endpoint", "EmployeeGroup#" + id);
        group.set("employee_ids", Json.array());
        state.groups.put(id, group);
        members.forEach(member -> state.membership(member, id, true));
        return Reply.ok("employee_group", state.group(id));
    }

    /** {@code PUT /employee_groups/:id}: an admin renames a group or replaces its members. */
    private Reply update(Exchange exchange) {
        requireAdmin();
        ObjectNode group = state.group(exchange.idParam("id"));
        long id = group.get("id").asLong();
        Optional<String> name = name(exchange);
        Optional<List<Long>> members = memberIds(exchange);
        name.ifPresent(value -> group.put("name", value));
        members.ifPresent(wanted -> {
            for (JsonNode current : group.get("employee_ids").deepCopy()) {
                state.membership(current.asLong(), id, false);
            }
            wanted.forEach(member -> state.membership(member, id, true));
        });
        return Reply.ok("employee_group", state.group(id));
    }

    private void requireAdmin() {
        if (!state.employee(state.currentEmployeeId).path("admin").asBoolean()) {
            throw HttpError.failure(403, "403 Forbidden");
        }
    }

    private static Optional<String> name(Exchange exchange) {
        return exchange.field("employee_group", "name").map(value -> {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw HttpError.unprocessable("name", "can't be blank");
            }
            return value.asText();
        });
    }

    private Optional<List<Long>> memberIds(Exchange exchange) {
        return exchange.field("employee_group", "employee_ids").map(value -> {
            if (!value.isArray()) {
                throw HttpError.unprocessable("employee_ids", "must be a list of employee ids");
            }
            List<Long> ids = new ArrayList<>();
            for (JsonNode id : value) {
                if (!id.canConvertToLong() || !state.employees.containsKey(id.asLong())) {
                    throw HttpError.unprocessable("employee_ids", "holds an id that is no employee: " + id);
                }
                ids.add(id.asLong());
            }
            return ids;
        });
    }

    private List<ObjectNode> members(ObjectNode group) {
        List<ObjectNode> members = new ArrayList<>();
        for (JsonNode id : group.get("employee_ids")) {
            members.add(state.employee(id.asLong()));
        }
        return members;
    }

    private Reply membership(Exchange exchange, boolean join) {
        ObjectNode group = state.group(exchange.idParam("id"));
        if (!state.employee(state.currentEmployeeId).path("has_switch").asBoolean()) {
            throw HttpError.unprocessable("employee", "needs a switch to join or leave groups");
        }
        state.membership(state.currentEmployeeId, group.get("id").asLong(), join);
        return Reply.ok("employee_group", group);
    }

    private Reply message(Exchange exchange) {
        ObjectNode group = state.group(exchange.idParam("id"));
        List<String> numbers =
                members(group).stream().map(e -> e.get("number").asText()).toList();
        return Sms.send(state, exchange, group.get("endpoint").asText(), numbers);
    }
}
