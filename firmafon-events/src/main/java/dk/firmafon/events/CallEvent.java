package dk.firmafon.events;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.calls.model.CallDirection;
import dk.firmafon.calls.model.CallStatus;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.core.support.Lenient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A call event ({@code call.new}, {@code call.ringing}, {@code call.answer}, {@code call.hangup}, or a name the SDK
 * does not know yet: kept, never dropped), with the call's fields in the SDK's own types: {@link CallDirection},
 * {@link CallStatus}, {@link PhoneNumber}, {@link Endpoint}, {@link Instant} (the same open values as
 * {@code dk.firmafon.calls.model.Call}, so a value the service adds later still arrives, with {@code isKnown()}
 * false). The feed sends a subset of the call's fields ({@code call.ringing} has no numbers; {@code call.hangup}
 * carries {@code duration} and leaves {@code status} out when the call was answered), as numbers and booleans in
 * strings at times: each accessor reads leniently and is empty when the field is absent or unreadable.
 *
 * @param name the event's name, e.g. {@link CallEventName#RINGING}
 * @param channel where it arrived, e.g. {@code /call2/company/42} (or {@code webhook}, {@code polling})
 * @param source the feed, polling or a webhook
 * @param timestamp the event's own {@code timestamp}, if readable: never order events by it
 * @param rawData the escape hatch: the event's {@code data} exactly as sent (unknown fields kept), for a field the
 *     SDK does not read yet
 */
public record CallEvent(
        CallEventName name, String channel, Source source, Optional<Instant> timestamp, JsonNode rawData)
        implements LiveEvent {

    /** Whether the SDK knows this event's name (false for a name the service added later). */
    public boolean isKnown() {
        return name.isKnown();
    }

    public Optional<String> callUuid() {
        return Lenient.text(rawData, "call_uuid");
    }

    public OptionalLong companyId() {
        return Lenient.number(rawData, "company_id");
    }

    /** The endpoint, e.g. {@code Reception#7}; empty when absent or not {@code Type#id}. */
    public Optional<Endpoint> endpoint() {
        return Lenient.endpoint(rawData, "endpoint");
    }

    /** The caller's number as sent; empty when hidden ({@code null}) or not sent. */
    public Optional<PhoneNumber> fromNumber() {
        return PhoneNumber.read(rawData.get("from_number"));
    }

    /** The called number as sent. */
    public Optional<PhoneNumber> toNumber() {
        return PhoneNumber.read(rawData.get("to_number"));
    }

    public Optional<Boolean> fromNumberHidden() {
        return Lenient.bool(rawData, "from_number_hidden");
    }

    public Optional<CallDirection> direction() {
        return Lenient.parsed(rawData, "direction", CallDirection::of);
    }

    /** {@code missed}, {@code voicemail}, {@code orphaned}, ...; a hangup of an answered call leaves it out. */
    public Optional<CallStatus> status() {
        return Lenient.parsed(rawData, "status", CallStatus::of);
    }

    /** The call's length, on {@code call.hangup}. */
    public Optional<Duration> duration() {
        OptionalLong seconds = Lenient.number(rawData, "duration");
        return seconds.isPresent() && seconds.getAsLong() >= 0
                ? Optional.of(Duration.ofSeconds(seconds.getAsLong()))
                : Optional.empty();
    }
}
