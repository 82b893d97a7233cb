package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** {@code /employee}, {@code /employees}, {@code /employees/:id} (get, update) and {@code /employees/:id/message}. */
final class EmployeesHandler {

    static final Comparator<JsonNode> BY_NAME =
            Comparator.comparing(e -> e.path("name").asText());

    private final FakeState state;

    EmployeesHandler(FakeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get("/employee", exchange -> Reply.ok("employee", state.employee(state.currentEmployeeId)))
                .get(
                        "/employees",
                        exchange -> Reply.ok("employees", Json.array(sortedByName(state.employees.values()))))
                .get("/employees/:id", exchange -> Reply.ok("employee", state.employee(exchange.idParam("id"))))
                .put("/employees/:id", this::update)
                .put("/employee", this::updateMe)
                .post("/employees/:id/message", this::message);
    }

    static List<ObjectNode> sortedByName(java.util.Collection<ObjectNode> employees) {
        return employees.stream().sorted(BY_NAME).collect(Collectors.toList());
    }

    private Reply update(Exchange exchange) {
        return update(exchange, state.employee(exchange.idParam("id")));
    }

    /** {@code PUT /employee}: the authenticated employee, with the same fields and rules as {@code PUT /employees/:id}. */
    private Reply updateMe(Exchange exchange) {
        return update(exchange, state.employee(state.currentEmployeeId));
    }

    private Reply update(Exchange exchange, ObjectNode employee) {
        long id = employee.get("id").asLong();
        boolean admin = state.employee(state.currentEmployeeId).path("admin").asBoolean();
        if (id != state.currentEmployeeId && !admin) {
            throw HttpError.failure(403, "403 Forbidden");
        }
        Boolean dnd = exchange.field("employee", "do_not_disturb")
                .map(EmployeesHandler::bool)
                .orElse(null);
        String timeout = exchange.field("employee", "dnd_timeout_at")
                .map(v -> v.isNull() || v.asText().isEmpty()
                        ? ""
                        : timestamp(Exchange.parseOffsetTime("dnd_timeout_at", v.asText())))
                .orElse(null);
        List<Long> groupIds = exchange.field("employee", "employee_group_ids")
                .map(this::groupIds)
                .orElse(null);
        if (groupIds != null && !admin) {
            throw HttpError.failure(403, "403 Forbidden");
        }
        // validated everything: now change
        if (dnd != null) {
            employee.put("do_not_disturb", dnd.booleanValue());
            employee.put("live_presence", dnd ? "do_not_disturb" : "available");
        }
        if (timeout != null) {
            if (timeout.isEmpty()) {
                employee.putNull("dnd_timeout_at");
            } else {
                employee.put("dnd_timeout_at", timeout);
            }
        }
        if (groupIds != null) {
            for (long groupId : state.groups.keySet()) {
                state.membership(id, groupId, groupIds.contains(groupId));
            }
        }
        return Reply.ok("employee", employee);
    }

    private static String timestamp(OffsetDateTime at) {
        return Json.timestamp(at.toInstant(), at.getOffset());
    }

    private static Boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return switch (value.asText()) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw HttpError.unprocessable("do_not_disturb", "is not a boolean");
        };
    }

    private List<Long> groupIds(JsonNode value) {
        if (!value.isArray()) {
            throw HttpError.unprocessable("employee_group_ids", "must be a list of ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : value) {
            long groupId = item.asLong(-1);
            if (!state.groups.containsKey(groupId)) {
                throw HttpError.unprocessable("employee_group_ids", "contains an unknown group " + item.asText());
            }
            ids.add(groupId);
        }
        return ids;
    }

    private Reply message(Exchange exchange) {
        ObjectNode employee = state.employee(exchange.idParam("id"));
        return Sms.send(
                state,
                exchange,
                employee.get("endpoint").asText(),
                List.of(employee.get("number").asText()));
    }
}
