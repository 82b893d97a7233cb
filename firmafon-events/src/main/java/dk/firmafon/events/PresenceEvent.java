package dk.firmafon.events;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.core.model.Endpoint;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A presence change of an employee ({@code Employee#1234}) or an employee group ({@code EmployeeGroup#5}:
 * {@code available}, {@code unknown}, {@code busy}); fields read leniently.
 *
 * @param channel where it arrived
 * @param source the feed, polling or a webhook
 * @param data the event as sent (unknown fields kept)
 */
public record PresenceEvent(String channel, Source source, JsonNode data) implements LiveEvent {
    /** Whose presence: {@code Employee#1234} or {@code EmployeeGroup#5}; empty when unreadable. */
    public Optional<Endpoint> endpoint() {
        return Lenient.text(data, "endpoint").flatMap(text -> {
            try {
                return Optional.of(Endpoint.parse(text));
            } catch (IllegalArgumentException notAnEndpoint) {
                return Optional.empty();
            }
        });
    }

    /** E.g. {@code available}, {@code busy}, {@code unknown}, as sent. */
    public Optional<String> livePresence() {
        return Lenient.text(data, "live_presence");
    }

    public Optional<OffsetDateTime> busySince() {
        return Lenient.time(data, "busy_since");
    }

    public Optional<Boolean> doNotDisturb() {
        return Lenient.bool(data, "do_not_disturb");
    }

    /** Read also without seconds ({@code 2016-09-27T00:00.000Z}). */
    public Optional<OffsetDateTime> dndTimeoutAt() {
        return Lenient.time(data, "dnd_timeout_at");
    }
}
