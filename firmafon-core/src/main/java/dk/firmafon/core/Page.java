package dk.firmafon.core;

import java.util.List;
import java.util.Optional;

/** CONTRACT SKELETON (issue #3). One page of a cursor-paged listing: its new items and where the next starts. */
public final class Page<T> {
    private Page() {
    }

    /** Items not returned by an earlier page, newest first. */
    public List<T> items() { throw new UnsupportedOperationException(); }

    /** Where the next page starts; empty when this was the last page. */
    public Optional<PageCursor> next() { throw new UnsupportedOperationException(); }
}
