package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Live call control: {@code /call_nodes/live}, {@code /call_nodes/:uuid} and its transfer / cancel / hangup. */
final class CallNodesHandler {

    private final FakeState state;

    CallNodesHandler(FakeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get("/call_nodes/live", this::live)
                .get("/call_nodes/:uuid", this::get)
                .post("/call_nodes/:uuid/transfer", this::transfer)
                .post("/call_nodes/:uuid/cancel_transfer", this::cancelTransfer)
                .post("/call_nodes/:uuid/hangup", this::hangup);
    }

    private static boolean isLive(JsonNode node) {
        return node.path("ended_at").isNull()
                && !"hungup".equals(node.path("state").asText());
    }

    private Reply live(Exchange exchange) {
        List<ObjectNode> live = new ArrayList<>();
        for (ObjectNode call : state.calls) {
            nodesOf(call).forEach(node -> {
                if (isLive(node)) {
                    live.add((ObjectNode) node);
                }
            });
        }
        return Reply.ok("call_nodes", Json.array(live));
    }

    private ObjectNode node(Exchange exchange) {
        ObjectNode node = state.nodes.get(exchange.pathParam("uuid"));
        if (node == null) {
            throw HttpError.notFound();
        }
        return node;
    }

    private ObjectNode liveNode(Exchange exchange) {
        ObjectNode node = node(exchange);
        if (!isLive(node)) {
            throw HttpError.unprocessable("call_node", "has already ended");
        }
        return node;
    }

    private Reply get(Exchange exchange) {
        return Reply.ok("call_node", node(exchange));
    }

    private Reply transfer(Exchange exchange) {
        ObjectNode node = liveNode(exchange);
        String endpoint =
                exchange.field("transfer", "endpoint").map(JsonNode::asText).orElse("");
        if (endpoint.isEmpty()) {
            throw HttpError.unprocessable("endpoint", "can't be blank");
        }
        if (!state.endpointExists(endpoint)) {
            throw HttpError.unprocessable("endpoint", "is not an endpoint of this company");
        }
        String type = exchange.field("transfer", "type").map(JsonNode::asText).orElse("");
        if (!type.equals("attended") && !type.equals("direct")) {
            throw HttpError.unprocessable("type", type.isEmpty() ? "can't be blank" : "must be attended or direct");
        }
        ArrayNode nodes = nodesOf(state.callsByUuid.get(node.get("call_uuid").asText()));
        String now = now(state);
        if (type.equals("direct")) {
            end(node, now);
        }
        ObjectNode target = Json.object()
                .put("node_uuid", java.util.UUID.randomUUID().toString())
                .put("call_uuid", node.get("call_uuid").asText())
                .put("endpoint", endpoint)
                .put("started_at", now)
                .putNull("answered_at")
                .putNull("ended_at")
                .put("state", "ringing")
                .put("node_type", type.equals("attended") ? "attended_transfer" : "employee");
        nodes.add(target);
        state.nodes.put(target.get("node_uuid").asText(), target);
        return Reply.ok("call_node", node);
    }

    private Reply cancelTransfer(Exchange exchange) {
        ObjectNode node = liveNode(exchange);
        ArrayNode nodes = nodesOf(state.callsByUuid.get(node.get("call_uuid").asText()));
        boolean cancelled = false;
        for (JsonNode other : nodes) {
            if ("attended_transfer".equals(other.path("node_type").asText()) && isLive(other)) {
                end((ObjectNode) other, now(state));
                cancelled = true;
            }
        }
        if (!cancelled) {
            throw HttpError.unprocessable("call_node", "has no transfer to cancel");
        }
        return Reply.ok(Json.object());
    }

    private Reply hangup(Exchange exchange) {
        ObjectNode node = liveNode(exchange);
        String now = now(state);
        end(node, now);
        ObjectNode call = state.callsByUuid.get(node.get("call_uuid").asText());
        boolean anyLive = false;
        for (JsonNode other : nodesOf(call)) {
            anyLive |= isLive(other);
        }
        if (!anyLive) {
            call.put("ended_at", now);
        }
        return Reply.ok("call_node", node);
    }

    private static ArrayNode nodesOf(ObjectNode call) {
        return (ArrayNode) call.get("nodes");
    }

    private static void end(ObjectNode node, String now) {
        node.put("state", "hungup").put("ended_at", now);
    }

    private static String now(FakeState state) {
        return Json.timestamp(state.clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }
}
