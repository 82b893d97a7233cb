package dk.firmafon.calls.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.FirmafonModel;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A smiley: the feedback a caller (or chat visitor) gave after contacting a reception, as the Relatel reference
 * describes it ({@code dev.relatel.dk/api-v2/reference/smiley}; needs Switch). Every field may be missing; values
 * are read leniently (numbers sent as strings are accepted). {@link #conversationType()} is {@code call} or
 * {@code chat}; {@link #endpoint()} may be a chat reception ({@code ChatReception#3}).
 */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableSmiley.class)
public abstract class Smiley {
    Smiley() {}

    public abstract Optional<Long> id();

    /** {@code call} or {@code chat}, as sent. */
    @JsonProperty("conversation_type")
    public abstract Optional<String> conversationType();

    /** The call's or chat's uuid. */
    @JsonProperty("conversation_uuid")
    public abstract Optional<String> conversationUuid();

    /** When the smiley was given. */
    @JsonProperty("rated_at")
    public abstract Optional<OffsetDateTime> ratedAt();

    /** {@link #ratedAt()} as an {@link java.time.Instant}. */
    public final Optional<java.time.Instant> ratedAtInstant() {
        return ratedAt().map(OffsetDateTime::toInstant);
    }

    /** {@code sort_value}: the reference documents it as the same as {@code rated_at}. */
    @JsonProperty("sort_value")
    public abstract Optional<OffsetDateTime> sortValue();

    /**
     * The call's uuid, if the conversation was a call: {@code call_uuid}.
     *
     * @deprecated the reference marks {@code call_uuid} deprecated; use {@link #conversationUuid()} (with
     *     {@link #conversationType()} {@code call}). Read while the service still sends it.
     */
    @Deprecated
    @JsonProperty("call_uuid")
    public abstract Optional<String> callUuid();

    /**
     * The id of the reception that was contacted: {@code reception_id}.
     *
     * @deprecated the reference marks {@code reception_id} deprecated; use {@link #endpoint()} ({@code Reception#id}).
     *     Read while the service still sends it.
     */
    @Deprecated
    @JsonProperty("reception_id")
    public abstract Optional<Long> receptionId();

    /** The original rating: 0 an angry smiley, 1 a happy one. */
    public abstract Optional<Integer> rating();

    /** The rating as a net promoter score, 0 to 10. */
    @JsonProperty("net_promoter_score")
    public abstract Optional<Integer> netPromoterScore();

    /** {@code negative}, {@code neutral} or {@code positive}, as sent. */
    public abstract Optional<String> kind();

    /** The kind as an emoji. */
    public abstract Optional<String> emoji();

    /** What the caller wrote, if anything. */
    public abstract Optional<String> comment();

    /** The caller's number (calls), as sent. */
    public abstract Optional<String> number();

    @JsonProperty("number_formatted")
    public abstract Optional<String> numberFormatted();

    /** The visitor's e-mail (chats). */
    public abstract Optional<String> email();

    public abstract Optional<Contact> contact();

    /** The endpoint that was contacted, e.g. {@code Reception#2} or {@code ChatReception#3}. */
    public abstract Optional<Endpoint> endpoint();

    /** The employee who handled the conversation. */
    @JsonProperty("employee_id")
    public abstract Optional<Long> employeeId();

    /** The conversation's recording, when there is one. */
    @JsonProperty("call_recording")
    public abstract Optional<Recording> callRecording();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Smiley}. */
    public static final class Builder extends ImmutableSmiley.Builder {
        Builder() {}
    }
}
