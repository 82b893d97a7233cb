package dk.firmafon.calls.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.FirmafonModel;
import dk.firmafon.core.model.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One call of the company's call history, as {@code GET /calls} and {@code GET /calls/:call_uuid} send it.
 *
 * <p>Apart from {@link #callUuid()} every field may be missing or {@code null} (timestamps are {@code null} while
 * the call is going on) and is therefore {@code Optional}. Numbers are kept exactly as the API sent them, even
 * when they are not valid {@link PhoneNumber}s (a hidden caller); nothing the service sends in these fields fails
 * decoding. Timestamps keep the offset the service sent, which varies from call to call ({@code Z},
 * {@code +01:00}, {@code +02:00}); {@link #startedAtInstant()} and its siblings give the same moments as
 * {@link Instant}s, which compare, sort and print consistently. Order calls by instant ({@link #NEWEST_FIRST}), never
 * by {@code OffsetDateTime.equals}.
 *
 * <p>Wire names are given explicitly with {@code @JsonProperty}: Immutables writes explicit camel-case names by
 * default, which a snake-case naming strategy does not rename.
 */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableCall.class)
public abstract class Call {
    Call() {}

    /**
     * The order of {@code GET /calls}: {@code started_at} descending by instant (so {@code 10:00Z} comes before
     * {@code 11:30+02:00}), calls without {@code started_at} first, ties broken by {@code call_uuid}.
     */
    public static final Comparator<Call> NEWEST_FIRST = Comparator.comparing(
                    Call::startedAtInstant,
                    (a, b) -> b.isEmpty() || a.isEmpty()
                            ? Boolean.compare(b.isEmpty(), a.isEmpty())
                            : b.get().compareTo(a.get()))
            .thenComparing(Call::callUuid);

    /** The call's id: {@code call_uuid}. */
    @JsonProperty("call_uuid")
    public abstract String callUuid();

    @JsonProperty("company_id")
    public abstract Optional<Long> companyId();

    /** The endpoint the call went through, e.g. {@code Reception#7}. */
    public abstract Optional<Endpoint> endpoint();

    /** The endpoint's display name, e.g. {@code Main line}. */
    @JsonProperty("endpoint_name")
    public abstract Optional<String> endpointName();

    /** The endpoint's type as sent (newer payloads), e.g. {@code Reception}. */
    @JsonProperty("endpoint_type")
    public abstract Optional<String> endpointType();

    /** The caller's number as sent; absent (or not a valid number) when the caller hides it. */
    @JsonProperty("from_number")
    public abstract Optional<PhoneNumber> fromNumber();

    /** The called number as sent. */
    @JsonProperty("to_number")
    public abstract Optional<PhoneNumber> toNumber();

    /** {@link #fromNumber()} formatted for people, as the service formats it. */
    @JsonProperty("from_number_formatted")
    public abstract Optional<String> fromNumberFormatted();

    /** {@link #toNumber()} formatted for people, as the service formats it. */
    @JsonProperty("to_number_formatted")
    public abstract Optional<String> toNumberFormatted();

    /** The number of the party outside the company. */
    @JsonProperty("remote_number")
    public abstract Optional<PhoneNumber> remoteNumber();

    @JsonProperty("from_contact")
    public abstract Optional<Contact> fromContact();

    @JsonProperty("to_contact")
    public abstract Optional<Contact> toContact();

    public abstract Optional<CallDirection> direction();

    /** The call's tree of nodes, flattened as the API sends it; empty when the payload has none. */
    public abstract List<CallNode> nodes();

    @JsonProperty("started_at")
    public abstract Optional<OffsetDateTime> startedAt();

    @JsonProperty("ringing_at")
    public abstract Optional<OffsetDateTime> ringingAt();

    @JsonProperty("answered_at")
    public abstract Optional<OffsetDateTime> answeredAt();

    @JsonProperty("answered_by")
    public abstract Optional<AnsweredBy> answeredBy();

    @JsonProperty("ended_at")
    public abstract Optional<OffsetDateTime> endedAt();

    public abstract Optional<CallStatus> status();

    /** Seconds of conversation: {@code talk_duration} on the wire. */
    @JsonProperty("talk_duration")
    public abstract Optional<Long> talkDurationSeconds();

    public abstract Optional<Recording> recording();

    /** The caller's feedback on this call, when given (Switch). */
    public abstract Optional<Smiley> smiley();

    /** The call's {@code voice_mail} as sent: its shape is undocumented. Absent when null. */
    @JsonProperty("voice_mail")
    public abstract Optional<JsonNode> voiceMail();

    /** {@link #startedAt()} as an {@link Instant}: the same moment without the offset the service chose. */
    public final Optional<Instant> startedAtInstant() {
        return startedAt().map(OffsetDateTime::toInstant);
    }

    /** {@link #ringingAt()} as an {@link Instant}. */
    public final Optional<Instant> ringingAtInstant() {
        return ringingAt().map(OffsetDateTime::toInstant);
    }

    /** {@link #answeredAt()} as an {@link Instant}. */
    public final Optional<Instant> answeredAtInstant() {
        return answeredAt().map(OffsetDateTime::toInstant);
    }

    /** {@link #endedAt()} as an {@link Instant}. */
    public final Optional<Instant> endedAtInstant() {
        return endedAt().map(OffsetDateTime::toInstant);
    }

    /** {@link #talkDurationSeconds()} as a {@link Duration}. */
    public final Optional<Duration> talkDuration() {
        return talkDurationSeconds().map(Duration::ofSeconds);
    }

    @Value.Check
    Call normalize() {
        return Json.isNull(voiceMail())
                ? Call.builder().from(this).voiceMail(Optional.empty()).build()
                : this;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Call}. */
    public static final class Builder extends ImmutableCall.Builder {
        Builder() {}
    }
}
