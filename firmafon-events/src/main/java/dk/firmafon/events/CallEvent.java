package dk.firmafon.events;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.core.model.Endpoint;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A call event: {@code call.new}, {@code call.ringing}, {@code call.answer}, {@code call.hangup}, or a name the SDK
 * does not know yet (kept, never dropped). {@link #data()} is a subset of the call's fields as the feed sent them
 * ({@code call.ringing} has no numbers; {@code call.hangup} carries {@code duration} and leaves {@code status} out when
 * the call was answered); the accessors read them leniently.
 *
 * @param name the event's name, e.g. {@code call.ringing}
 * @param channel where it arrived, e.g. {@code /call2/company/42} (or {@code webhook}, {@code polling})
 * @param source the feed, polling or a webhook
 * @param data the event's {@code data} as sent (unknown fields kept)
 * @param timestamp the event's own {@code timestamp}, if readable: never order events by it
 */
public record CallEvent(String name, String channel, Source source, JsonNode data, Optional<OffsetDateTime> timestamp)
        implements LiveEvent {
    public static final String NEW = "call.new";
    public static final String RINGING = "call.ringing";
    public static final String ANSWER = "call.answer";
    public static final String HANGUP = "call.hangup";

    /** Whether the SDK knows this name. */
    public boolean isKnown() {
        return name.equals(NEW) || name.equals(RINGING) || name.equals(ANSWER) || name.equals(HANGUP);
    }

    public Optional<String> callUuid() {
        return Lenient.text(data, "call_uuid");
    }

    public OptionalLong companyId() {
        return Lenient.number(data, "company_id");
    }

    /** The endpoint, e.g. {@code Reception#7}; empty when absent or not {@code Type#id}. */
    public Optional<Endpoint> endpoint() {
        return Lenient.text(data, "endpoint").flatMap(text -> {
            try {
                return Optional.of(Endpoint.parse(text));
            } catch (IllegalArgumentException notAnEndpoint) {
                return Optional.empty();
            }
        });
    }

    /** The caller's number; empty when hidden ({@code null}) or not sent. */
    public Optional<String> fromNumber() {
        return Lenient.text(data, "from_number");
    }

    public Optional<String> toNumber() {
        return Lenient.text(data, "to_number");
    }

    public Optional<Boolean> fromNumberHidden() {
        return Lenient.bool(data, "from_number_hidden");
    }

    public Optional<String> direction() {
        return Lenient.text(data, "direction");
    }

    /** {@code missed}, {@code voicemail}, {@code orphaned}, ...; a hangup of an answered call leaves it out. */
    public Optional<String> status() {
        return Lenient.text(data, "status");
    }

    /** Seconds, on {@code call.hangup}. */
    public OptionalLong durationSeconds() {
        return Lenient.number(data, "duration");
    }
}
