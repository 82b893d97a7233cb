package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;

/** {@code /calls}, {@code /calls/:uuid} and click-to-call {@code /switch/dial}. */
final class CallsHandler {

    private final FakeState state;

    CallsHandler(FakeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get("/calls", this::list).get("/calls/:uuid", this::get).post("/switch/dial", this::dial);
    }

    private Reply list(Exchange exchange) {
        int limit = Listing.limit(exchange);
        String number = exchange.param("number").orElse(null);
        Predicate<ObjectNode> filter = Listing.within(exchange, "started_at")
                .and(Listing.within(exchange, "ended_at"))
                .and(Listing.equal(exchange, "endpoint", "endpoint"))
                .and(Listing.equal(exchange, "direction", "direction"))
                .and(Listing.equal(exchange, "status", "status"))
                .and(call -> number == null
                        || number.equals(call.path("from_number").asText())
                        || number.equals(call.path("to_number").asText()));
        return Reply.ok("calls", Listing.page(state.calls, filter, limit));
    }

    private Reply get(Exchange exchange) {
        ObjectNode call = state.callsByUuid.get(exchange.pathParam("uuid"));
        if (call == null) {
            throw HttpError.notFound();
        }
        return Reply.ok("call", call);
    }

    private Reply dial(Exchange exchange) {
        String toNumber =
                exchange.field("dial", "to_number").map(JsonNode::asText).orElse("");
        if (!toNumber.matches("\\d{3,15}")) {
            throw HttpError.unprocessable("to_number", toNumber.isEmpty() ? "can't be blank" : "is not a phone number");
        }
        String restrictTo = exchange.field("dial", "restrict_to")
                .filter(v -> !v.isNull())
                .map(JsonNode::asText)
                .orElse(null);
        if (restrictTo != null && !restrictTo.equals("web_call") && !restrictTo.equals("mobile")) {
            throw HttpError.unprocessable("restrict_to", "is not included in the list");
        }
        JsonNode cloak = exchange.field("dial", "cloak_reception_id")
                .filter(v -> !v.isNull())
                .orElse(null);
        if (cloak != null && !state.receptions.containsKey(cloak.asLong(-1))) {
            throw HttpError.unprocessable("cloak_reception_id", "is not a reception of this company");
        }
        return Reply.ok(Json.object().put("status", "success"));
    }
}
