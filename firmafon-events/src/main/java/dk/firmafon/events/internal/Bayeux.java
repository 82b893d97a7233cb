package dk.firmafon.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/** Bayeux 1.0 messages: building the client's, reading the server's advice. */
final class Bayeux {
    static final String HANDSHAKE = "/meta/handshake";
    static final String CONNECT = "/meta/connect";
    static final String SUBSCRIBE = "/meta/subscribe";
    static final String UNSUBSCRIBE = "/meta/unsubscribe";
    static final String DISCONNECT = "/meta/disconnect";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Bayeux() {}

    static ObjectNode message(String channel, String id, ObjectNode ext) {
        ObjectNode message = NODES.objectNode().put("channel", channel).put("id", id);
        message.set("ext", ext);
        return message;
    }

    static ObjectNode handshake(String id, ObjectNode ext) {
        ObjectNode message = message(HANDSHAKE, id, ext).put("version", "1.0");
        message.putArray("supportedConnectionTypes").add("websocket").add("long-polling");
        return message;
    }

    static ObjectNode ext(String app, String accessToken) {
        return NODES.objectNode().put("app", app).put("access_token", accessToken);
    }

    static ArrayNode batch(List<ObjectNode> messages) {
        ArrayNode batch = NODES.arrayNode();
        messages.forEach(batch::add);
        return batch;
    }

    /**
     * The server's advice, with Bayeux's defaults for what it leaves out. {@code interval} and {@code timeout} are
     * capped at {@link #MAX_ADVISED} (a negative, fractional, huge or non-numeric value is read as the cap or ignored):
     * with the request margin, a connect that is never answered is noticed within 75 s, and the client never sleeps
     * longer than a minute because a server said so.
     */
    record Advice(String reconnect, Duration interval, Duration timeout) {
        static final Advice DEFAULT = new Advice("retry", Duration.ZERO, Duration.ofSeconds(45));
        /** The most the client accepts as an advised interval or long-poll timeout. */
        static final Duration MAX_ADVISED = Duration.ofSeconds(60);

        Advice merge(JsonNode advice) {
            if (advice == null || !advice.isObject()) {
                return this;
            }
            String reconnect = advice.path("reconnect").isTextual()
                    ? advice.get("reconnect").asText()
                    : this.reconnect;
            return new Advice(
                    reconnect, millis(advice.path("interval"), this.interval), millis(advice.path("timeout"), timeout));
        }

        /** A number of milliseconds within 0 and the cap; anything else keeps {@code current}. */
        private static Duration millis(JsonNode value, Duration current) {
            if (!value.isNumber()) {
                return current;
            }
            double millis = value.asDouble();
            if (Double.isNaN(millis)) {
                return current;
            }
            long capped = (long) Math.max(0, Math.min(millis, MAX_ADVISED.toMillis()));
            return Duration.ofMillis(capped);
        }
    }
}
