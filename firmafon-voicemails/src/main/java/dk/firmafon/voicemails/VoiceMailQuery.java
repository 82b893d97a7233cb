package dk.firmafon.voicemails;

import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.FirmafonModel;
import dk.firmafon.core.model.PhoneNumber;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which voice mails to list. Every filter is optional; {@link #all()} lists every voice mail, newest first. The
 * values are checked when the query is used: a bad one (a limit outside 1..{@value #MAX_LIMIT}, an endpoint or number
 * read leniently from a payload that is not one) makes the listing fail with an {@link IllegalArgumentException}
 * naming it, before anything is sent.
 *
 * <pre>{@code
 * VoiceMailQuery.builder().endpoint(Endpoint.employee(12)).number(PhoneNumber.of("+45 22 44 66 88")).build()
 * }</pre>
 */
@Value.Immutable
@FirmafonModel
public abstract class VoiceMailQuery {
    VoiceMailQuery() {}

    /** The most the API returns per request, and the default page size. */
    public static final int MAX_LIMIT = 100;

    /** How many voice mails to ask for per request ({@code limit}, 1 to {@value #MAX_LIMIT}). */
    @Value.Default
    public int limit() {
        return MAX_LIMIT;
    }

    /** Only voice mails left for this endpoint ({@code endpoint}). */
    public abstract Optional<Endpoint> endpoint();

    /** Only voice mails from this number ({@code number}). */
    public abstract Optional<PhoneNumber> number();

    /** Only voice mails created at or before this instant ({@code created_at_lt_or_eq}). */
    public abstract Optional<Instant> createdAtOrBefore();

    /** Every voice mail, newest first, {@value #MAX_LIMIT} per request. */
    public static VoiceMailQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link VoiceMailQuery}. */
    public static final class Builder extends ImmutableVoiceMailQuery.Builder {
        Builder() {}
    }
}
