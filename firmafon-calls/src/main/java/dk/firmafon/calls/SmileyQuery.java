package dk.firmafon.calls;

import dk.firmafon.core.model.Endpoint;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which smileys to read: all (the default), or those of one endpoint ({@code Reception#2}, {@code ChatReception#3},
 * {@code Employee#12}), and how many at most ({@code limit}, 1 to {@value #MAX_LIMIT}; the service's default when
 * unset). Immutable.
 *
 * @param endpoint the endpoint filter ({@code endpoint}), if any
 * @param limit the page size ({@code limit}), if any
 */
public record SmileyQuery(Optional<Endpoint> endpoint, OptionalInt limit) {
    /** The largest {@code limit} the API's listings take. */
    public static final int MAX_LIMIT = 100;

    /** Null components become empty. */
    public SmileyQuery {
        endpoint = endpoint == null ? Optional.empty() : endpoint;
        limit = limit == null ? OptionalInt.empty() : limit;
    }

    /** Every smiley, with the service's default page size. */
    public static SmileyQuery all() {
        return new SmileyQuery(Optional.empty(), OptionalInt.empty());
    }

    /** This query for {@code endpoint} only. */
    public SmileyQuery withEndpoint(Endpoint endpoint) {
        return new SmileyQuery(Optional.ofNullable(endpoint), limit);
    }

    /** This query with at most {@code limit} smileys. */
    public SmileyQuery withLimit(int limit) {
        return new SmileyQuery(endpoint, OptionalInt.of(limit));
    }
}
