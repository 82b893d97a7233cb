package dk.firmafon.core;

import java.time.Instant;

/**
 * CONTRACT SKELETON (issue #3). A resumable position in a cursor-paged listing: the inclusive timestamp bound plus
 * the ids already seen at exactly that timestamp. {@link #asString()} / {@link #parse(String)} let a caller
 * store it and resume later.
 */
public final class PageCursor {
    private PageCursor() {
    }

    /** Start at (and including) {@code timestamp}, with nothing seen yet. */
    public static PageCursor at(Instant timestamp) { throw new UnsupportedOperationException(); }
    public static PageCursor parse(String value) { throw new UnsupportedOperationException(); }
    public Instant timestamp() { throw new UnsupportedOperationException(); }
    public String asString() { throw new UnsupportedOperationException(); }
}
