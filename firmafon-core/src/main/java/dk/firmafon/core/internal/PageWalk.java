package dk.firmafon.core.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * Walks a cursor-paged listing for one subscriber, the one way every listing of the SDK pages (timestamp cursors
 * and id cursors alike): the first page when there is demand, then always one page ahead of the consumer (the next
 * page is requested as soon as the current page's cursor is known, and handed over when the current page is
 * drained); at most one page waits; a cancel cancels the request in flight; a failure is delivered after the items
 * already fetched.
 */
public final class PageWalk {
    private PageWalk() {}

    /**
     * The items of every page from {@code from} (the first page when null) until a page has no next cursor.
     *
     * @param fetch the page at a cursor
     * @param items a page's items
     * @param next a page's next cursor, or null after the last page
     */
    public static <T, P, C> Flux<T> walk(
            @Nullable C from,
            Function<@Nullable C, Mono<P>> fetch,
            Function<P, List<T>> items,
            Function<P, @Nullable C> next) {
        return Flux.create(sink -> new Drain<T, P, C>(from, fetch, items, next, sink).start());
    }

    /**
     * Feeds one subscriber: emits buffered items while there is demand, and keeps one page ahead (fetched as soon as
     * the current page's cursor is known, handed over when the current page is drained). All state but the volatile hand-over fields is touched only inside the
     * serialised drain loop.
     */
    private static final class Drain<T, P, C> {
        private final Function<@Nullable C, Mono<P>> fetch;
        private final Function<P, List<T>> itemsOf;
        private final Function<P, @Nullable C> nextOf;
        private final FluxSink<T> sink;
        private final AtomicInteger wip = new AtomicInteger();
        private final ArrayDeque<T> queue = new ArrayDeque<>();
        private @Nullable C cursor;
        private boolean fetching;
        /** The first page was taken: from now on one page is kept ahead, demand or not. */
        private boolean begun;

        private boolean exhausted;
        private boolean done;
        private volatile @Nullable P arrived;
        private volatile @Nullable Throwable failed;
        private volatile boolean cancelled;
        private volatile @Nullable Disposable inflight;

        Drain(
                @Nullable C from,
                Function<@Nullable C, Mono<P>> fetch,
                Function<P, List<T>> itemsOf,
                Function<P, @Nullable C> nextOf,
                FluxSink<T> sink) {
            this.cursor = from;
            this.fetch = fetch;
            this.itemsOf = itemsOf;
            this.nextOf = nextOf;
            this.sink = sink;
        }

        void start() {
            sink.onDispose(() -> {
                cancelled = true;
                Disposable request = inflight;
                if (request != null) {
                    request.dispose();
                }
                drain();
            });
            sink.onRequest(n -> drain());
        }

        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                if (cancelled || done) {
                    queue.clear();
                } else {
                    step();
                }
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }

        private void step() {
            while (true) {
                P page = arrived;
                if (page != null && queue.isEmpty()) {
                    // the page fetched ahead becomes the current one once the consumer has drained the last
                    arrived = null;
                    fetching = false;
                    begun = true;
                    queue.addAll(itemsOf.apply(page));
                    cursor = nextOf.apply(page);
                    exhausted = cursor == null;
                }
                while (!queue.isEmpty() && sink.requestedFromDownstream() > 0 && !cancelled) {
                    sink.next(queue.poll());
                }
                if (cancelled) {
                    return;
                }
                if (!(queue.isEmpty() && arrived != null)) {
                    break; // else the waiting page is taken now, in this same pass
                }
            }
            if (queue.isEmpty()) {
                Throwable error = failed;
                if (error != null) {
                    done = true;
                    sink.error(error);
                    return;
                }
                if (exhausted) {
                    done = true;
                    sink.complete();
                    return;
                }
            }
            // one page ahead: as soon as the current page's cursor is known, the next is asked for while the consumer
            // is still busy with the current one (never more than one page waits); the first page waits for demand
            if (!fetching
                    && arrived == null
                    && !exhausted
                    && failed == null
                    && (begun || sink.requestedFromDownstream() > 0)) {
                fetching = true;
                // the subscriber's context goes with every page: the user a web framework signed in, the parent span
                inflight = fetch.apply(cursor)
                        .contextWrite(sink.contextView())
                        .subscribe(
                                next -> {
                                    arrived = next;
                                    drain();
                                },
                                e -> {
                                    failed = e;
                                    drain();
                                });
            }
        }
    }
}
