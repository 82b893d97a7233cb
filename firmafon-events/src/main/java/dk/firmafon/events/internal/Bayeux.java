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

    /** The server's advice, with Bayeux's defaults for what it leaves out. */
    record Advice(String reconnect, Duration interval, Duration timeout) {
        static final Advice DEFAULT = new Advice("retry", Duration.ZERO, Duration.ofSeconds(45));

        Advice merge(JsonNode advice) {
            if (advice == null || !advice.isObject()) {
                return this;
            }
            String reconnect = advice.path("reconnect").isTextual()
                    ? advice.get("reconnect").asText()
                    : this.reconnect;
            Duration interval = advice.path("interval").isNumber()
                    ? Duration.ofMillis(Math.max(0, advice.get("interval").asLong()))
                    : this.interval;
            Duration timeout = advice.path("timeout").isNumber()
                    ? Duration.ofMillis(Math.max(0, advice.get("timeout").asLong()))
                    : this.timeout;
            return new Advice(reconnect, interval, timeout);
        }
    }
}
