package dk.firmafon.core;

import dk.firmafon.core.internal.PageWalk;
import dk.firmafon.error.PagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one pager for the API's inclusive timestamp cursors.
 *
 * <p>A page is asked for with {@code limit} and, after the first, {@code <cursorParameter>=<oldest timestamp seen>}.
 * Because the bound is inclusive the next page repeats the items at that timestamp: they are dropped by id, and
 * only the ids at the boundary timestamp are remembered (memory stays bounded however long the listing). A short
 * page is not the end; an empty page, or one with nothing new, is. When a full page holds only items of one
 * timestamp the API cannot page past them: the cursor moves one second earlier, with a WARN saying items at that
 * timestamp may have been skipped.
 *
 * <p>Every page after the first must make progress. When one brings nothing new and holds items later than the
 * cursor, the server ignored the cursor and would answer the same page for ever: the listing ends with a
 * {@link PagingException} naming the cursor, after that one request (and at most one WARN line before it).
 */
final class Pager {
    private static final Logger LOG = LoggerFactory.getLogger("dk.firmafon.core");

    private Pager() {}

    /** One page starting at {@code from} (the newest when null). */
    static <T> Mono<Page<T>> page(FirmafonClient client, CursorPaging<T> paging, @Nullable PageCursor from) {
        ApiRequest request = paging.request().withQuery("limit", paging.pageSize());
        if (from != null) {
            request = request.withQuery(paging.cursorParameter(), from.timestamp());
        }
        return client.retrieveList(request, paging.envelopeKey(), paging.type())
                .map(items -> toPage(paging, from, items));
    }

    static <T> Page<T> toPage(CursorPaging<T> paging, @Nullable PageCursor from, List<T> items) {
        if (items.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        List<T> fresh = new ArrayList<>(items.size());
        Instant oldest = null;
        Instant newest = null;
        for (T item : items) {
            Instant at = paging.timestampOf(item);
            oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
            newest = newest == null || at.isAfter(newest) ? at : newest;
            if (from != null
                    && (at.isAfter(from.timestamp())
                            || at.equals(from.timestamp()) && from.seenIds().contains(paging.idOf(item)))) {
                continue;
            }
            fresh.add(item);
        }
        if (fresh.isEmpty() && from != null && newest.isAfter(from.timestamp())) {
            throw ignoredCursor(paging, from, items);
        }
        if (items.size() >= paging.pageSize() && oldest.equals(newest)) {
            PageCursor next = PageCursor.at(oldest.minus(Duration.ofSeconds(1)));
            int delivered = fresh.size()
                    + (from != null && from.timestamp().equals(oldest)
                            ? from.seenIds().size()
                            : 0);
            LOG.warn(
                    "{} items of {} share {}={} and fill a whole page (limit {}): the API cannot page within one "
                            + "timestamp, so items at {} beyond the {} delivered may have been skipped; continuing at {}",
                    items.size(),
                    paging.envelopeKey(),
                    paging.cursorParameter(),
                    oldest,
                    paging.pageSize(),
                    oldest,
                    delivered,
                    next.timestamp());
            return new Page<>(fresh, next);
        }
        if (fresh.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Set<String> seen = new LinkedHashSet<>();
        if (from != null && from.timestamp().equals(oldest)) {
            seen.addAll(from.seenIds());
        }
        for (T item : items) {
            if (paging.timestampOf(item).equals(oldest)) {
                seen.add(paging.idOf(item));
            }
        }
        return new Page<>(fresh, PageCursor.of(oldest, seen));
    }

    private static <T> PagingException ignoredCursor(CursorPaging<T> paging, PageCursor from, List<T> items) {
        long later = items.stream()
                .filter(item -> paging.timestampOf(item).isAfter(from.timestamp()))
                .count();
        return new PagingException(
                "listing " + paging.envelopeKey() + " (" + paging.request().path()
                        + ") cannot go on: the server ignored the cursor " + paging.cursorParameter() + "="
                        + from.timestamp() + "; the page asked for at or before it holds " + items.size() + " "
                        + paging.envelopeKey() + ", " + later + " of them later than the cursor and none new",
                paging.cursorParameter(),
                from.timestamp().toString());
    }

    /**
     * Every item from {@code from} on: the first page when there is demand, then always one page ahead of the
     * consumer (the next is requested as soon as the current page's cursor is known, so the round trip overlaps the
     * consumer's work); at most one page waits, and a cancel cancels the request in flight.
     */
    static <T> Flux<T> paginate(FirmafonClient client, CursorPaging<T> paging, @Nullable PageCursor from) {
        return PageWalk.walk(from, cursor -> page(client, paging, cursor), Page::items, page -> page.next()
                .orElse(null));
    }
}
