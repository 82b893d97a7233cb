package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** {@code /employee_groups}: list, get, members, join, leave (the current employee) and message. */
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
                .post("/employee_groups/:id/join", exchange -> membership(exchange, true))
                .post("/employee_groups/:id/leave", exchange -> membership(exchange, false))
                .post("/employee_groups/:id/message", this::message);
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
