package dk.firmafon.contacts;

import dk.firmafon.core.model.FirmafonModel;
import dk.firmafon.core.model.PhoneNumber;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which contacts to list ({@code GET /contacts}). Every filter is optional; {@link #all()} lists every contact of the
 * company, by ascending id. A limit outside 1..{@value #MAX_LIMIT} is refused when the listing is used, naming it,
 * before anything is sent.
 *
 * <pre>{@code
 * ContactQuery.builder().number(PhoneNumber.of("+45 71 99 99 99")).build()
 * }</pre>
 */
@Value.Immutable
@FirmafonModel
public abstract class ContactQuery {
    ContactQuery() {}

    /** The most the API returns per request. */
    public static final int MAX_LIMIT = 100;

    /** The page size the API uses when none is sent. */
    public static final int DEFAULT_LIMIT = 10;

    /**
     * How many contacts to ask for per request ({@code limit}, 1 to {@value #MAX_LIMIT}); unset, none is sent and the
     * API's default ({@value #DEFAULT_LIMIT}) applies.
     */
    public abstract Optional<Integer> limit();

    /** Only contacts with this number ({@code number}). */
    public abstract Optional<PhoneNumber> number();

    /** Every contact of the company, by ascending id, at the API's default page size. */
    public static ContactQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ContactQuery}. */
    public static final class Builder extends ImmutableContactQuery.Builder {
        Builder() {}
    }
}
