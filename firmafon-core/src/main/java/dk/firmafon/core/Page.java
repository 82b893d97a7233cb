package dk.firmafon.core;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One page of a cursor-paged listing: its new items and where the next starts. Immutable. */
public final class Page<T> {
    private final List<T> items;
    private final @Nullable PageCursor next;

    Page(List<T> items, @Nullable PageCursor next) {
        this.items = List.copyOf(items);
        this.next = next;
    }

    /** Items not returned by an earlier page, newest first. May be empty on a page that only moved the cursor. */
    public List<T> items() {
        return items;
    }

    /** Where the next page starts; empty when this was the last page. */
    public Optional<PageCursor> next() {
        return Optional.ofNullable(next);
    }

    @Override
    public String toString() {
        return "Page{" + items.size() + " items, next=" + next + "}";
    }
}
