package dk.firmafon.events;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.support.Lenient;
import dk.firmafon.employees.model.LivePresence;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A presence change of an employee ({@code Employee#1234}) or an employee group ({@code EmployeeGroup#5}), in the SDK's
 * own types: {@link LivePresence} (the open value of {@code Employee.livePresence()}: {@code available}, {@code busy},
 * {@code unknown}, ...; a new one arrives with {@code isKnown()} false) and {@link Instant}. Fields read leniently:
 * each accessor is empty when its field is absent or unreadable.
 *
 * @param channel where it arrived
 * @param source the feed, polling or a webhook
 * @param rawData the escape hatch: the event exactly as sent (unknown fields kept)
 */
public record PresenceEvent(String channel, Source source, JsonNode rawData) implements LiveEvent {
    /** Whose presence: {@code Employee#1234} or {@code EmployeeGroup#5}; empty when unreadable. */
    public Optional<Endpoint> endpoint() {
        return Lenient.endpoint(rawData, "endpoint");
    }

    public Optional<LivePresence> livePresence() {
        return Lenient.parsed(rawData, "live_presence", LivePresence::of);
    }

    public Optional<Instant> busySince() {
        return Lenient.time(rawData, "busy_since").map(OffsetDateTime::toInstant);
    }

    public Optional<Boolean> doNotDisturb() {
        return Lenient.bool(rawData, "do_not_disturb");
    }

    /** When do-not-disturb ends; read also without seconds ({@code 2016-09-27T00:00.000Z}). */
    public Optional<Instant> dndTimeoutAt() {
        return Lenient.time(rawData, "dnd_timeout_at").map(OffsetDateTime::toInstant);
    }
}
