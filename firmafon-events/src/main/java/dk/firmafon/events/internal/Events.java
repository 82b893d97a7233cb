package dk.firmafon.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.core.support.Lenient;
import dk.firmafon.events.CallEvent;
import dk.firmafon.events.CallEventName;
import dk.firmafon.events.LiveEvent;
import dk.firmafon.events.OtherEvent;
import dk.firmafon.events.PresenceEvent;
import java.time.OffsetDateTime;

/** Turns a message of a subscribed channel into a typed event, leniently; never fails, never drops. */
public final class Events {
    private Events() {}

    /** The event {@code data} on {@code channel} is. */
    public static LiveEvent of(String channel, LiveEvent.Source source, JsonNode data) {
        if (data != null && data.isObject()) {
            String type = data.path("type").asText("");
            String name = data.path("name").isTextual() ? data.get("name").asText() : "";
            if (type.equals("call-event") || name.startsWith("call.")) {
                JsonNode fields = data.path("data").isObject() ? data.get("data") : data;
                return new CallEvent(
                        CallEventName.of(name.isBlank() ? "call.unnamed" : name),
                        channel,
                        source,
                        Lenient.time(data, "timestamp").map(OffsetDateTime::toInstant),
                        fields);
            }
            if (data.has("endpoint")
                    && (data.has("live_presence")
                            || data.has("do_not_disturb")
                            || data.has("busy_since")
                            || data.has("dnd_timeout_at"))) {
                return new PresenceEvent(channel, source, data);
            }
        }
        return new OtherEvent(channel, source, data);
    }

    /**
     * What makes two deliveries the same event, whatever channel they came on (the employee's and the company's
     * channel carry the same call event).
     */
    public static String identity(LiveEvent event) {
        if (event instanceof CallEvent call) {
            return "call|" + call.name() + "|" + call.rawData() + "|" + call.timestamp();
        }
        if (event instanceof PresenceEvent presence) {
            return "presence|" + presence.rawData();
        }
        if (event instanceof OtherEvent other) {
            return "other|" + other.message();
        }
        return "gap|" + event;
    }
}
