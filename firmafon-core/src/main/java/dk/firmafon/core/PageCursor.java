package dk.firmafon.core;

import dk.firmafon.core.internal.UriEncoding;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A resumable position in a cursor-paged listing: the inclusive timestamp bound plus the ids already seen at
 * exactly that timestamp (so they are not delivered twice). {@link #asString()} / {@link #parse(String)} let a caller
 * store it and resume later. Immutable.
 *
 * <pre>{@code
 * String saved = page.next().orElseThrow().asString();   // "2025-06-02T10:00:00Z,a0000000-0000-4000-8000-000000000003"
 * client.paginate(paging, PageCursor.parse(saved))
 * }</pre>
 */
public final class PageCursor {
    private final Instant timestamp;
    private final Set<String> seenIds;

    private PageCursor(Instant timestamp, Set<String> seenIds) {
        this.timestamp = timestamp;
        this.seenIds = seenIds;
    }

    /**
     * Start at (and including) {@code timestamp}, with nothing seen yet.
     *
     * @throws IllegalArgumentException when {@code timestamp} is null
     */
    public static PageCursor at(Instant timestamp) {
        if (timestamp == null) {
            throw new IllegalArgumentException("timestamp must not be null");
        }
        return new PageCursor(timestamp, Set.of());
    }

    static PageCursor of(Instant timestamp, Collection<String> seenIds) {
        return new PageCursor(timestamp, Collections.unmodifiableSet(new LinkedHashSet<>(seenIds)));
    }

    /**
     * Reads what {@link #asString()} wrote.
     *
     * @throws IllegalArgumentException naming {@code cursor} when {@code value} is not such a string
     */
    public static PageCursor parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("cursor must not be null or blank");
        }
        int comma = value.indexOf(',');
        Instant timestamp;
        try {
            timestamp = Instant.parse(comma < 0 ? value : value.substring(0, comma));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cursor must start with an ISO-8601 instant, was: " + value, e);
        }
        Set<String> ids = new LinkedHashSet<>();
        while (comma >= 0) {
            int end = value.indexOf(',', comma + 1);
            String id = value.substring(comma + 1, end < 0 ? value.length() : end);
            if (id.isEmpty()) {
                throw new IllegalArgumentException("cursor has an empty id: " + value);
            }
            ids.add(UriEncoding.decode(id));
            comma = end;
        }
        return new PageCursor(timestamp, Collections.unmodifiableSet(ids));
    }

    /** The inclusive upper bound: the next page holds items at or before it. */
    public Instant timestamp() {
        return timestamp;
    }

    /** Ids (as strings) of items at exactly {@link #timestamp()} that were already delivered. */
    public Set<String> seenIds() {
        return seenIds;
    }

    /** {@code <ISO-8601 instant>[,<percent-encoded id>]...}: stable, for {@link #parse(String)}. */
    public String asString() {
        StringBuilder out = new StringBuilder(32 + seenIds.size() * 40).append(timestamp);
        for (String id : seenIds) {
            out.append(',');
            UriEncoding.encodeTo(out, id);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageCursor c && c.timestamp.equals(timestamp) && c.seenIds.equals(seenIds);
    }

    @Override
    public int hashCode() {
        return timestamp.hashCode() * 31 + seenIds.hashCode();
    }

    @Override
    public String toString() {
        return "PageCursor{" + timestamp + ", seen " + seenIds.size() + "}";
    }
}
