package dk.firmafon.core.internal;

import dk.firmafon.core.support.Streams;
import dk.firmafon.error.FirmafonClosedException;
import dk.firmafon.error.FirmafonIoException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Open, draining or closed; and every exchange running under it. {@link #guard(Flux)} refuses a subscription once
 * the lifecycle is no longer open, and cancels a running one (failing it with a {@link FirmafonClosedException}) when
 * the lifecycle closes. Closing is synchronous: when {@link #close(Runnable)} returns, every guarded exchange has been
 * cancelled, so nothing it had not yet written will be written.
 */
public final class Lifecycle {
    private static final int OPEN = 0;
    private static final int DRAINING = 1;
    private static final int CLOSED = 2;

    private final String owner;
    private final AtomicInteger state = new AtomicInteger(OPEN);
    private final AtomicInteger active = new AtomicInteger();
    private final Sinks.Empty<Void> closing = Sinks.empty();
    private final Sinks.Empty<Void> drained = Sinks.empty();
    /** Completes when shutting down begins: {@link #close(Runnable)} or the start of a graceful close. */
    private final Sinks.Empty<Void> shuttingDown = Sinks.empty();
    /** The context key of a guarded request's {@link Guarded} state, which the transport reads and sets. */
    public static final Class<Guarded> GUARDED = Guarded.class;

    /** @param owner what is closed, as error messages name it, e.g. {@code "this FirmafonClient"} */
    public Lifecycle(String owner) {
        this.owner = owner;
    }

    /**
     * One guarded request as its transport sees it: whether any of its attempts started to be written, and whether
     * a lifecycle guarding it (its client's, or that of the client whose pool it shares) has closed, in which case
     * no attempt may start, whatever operator upstream missed the cancellation.
     */
    public static final class Guarded {
        private final Lifecycle lifecycle;
        private final @Nullable Guarded outer;
        private volatile boolean written;

        Guarded(Lifecycle lifecycle, @Nullable Guarded outer) {
            this.lifecycle = lifecycle;
            this.outer = outer;
        }

        /** Marks the request written: from now on the server may have received it. */
        public void markWritten() {
            written = true;
            if (outer != null) {
                outer.markWritten();
            }
        }

        boolean written() {
            return written;
        }

        /**
         * The error for an attempt about to start after a guarding lifecycle closed, or {@code null} while the
         * attempt may start (open, or draining: what runs may finish, retries included).
         */
        public @Nullable FirmafonClosedException closedBeforeAttempt() {
            if (lifecycle.state.get() == CLOSED) {
                return lifecycle.cancelled(written);
            }
            return outer == null ? null : outer.closedBeforeAttempt();
        }
    }

    /** Completes (at once, when it already has) as soon as shutting down begins, gracefully or not; never fails. */
    public Mono<Void> onShutdown() {
        return shuttingDown.asMono();
    }

    /** Whether {@link #close(Runnable)} or {@link #closeGracefully(Duration, Runnable, Runnable)} was called. */
    public boolean isShuttingDown() {
        return state.get() != OPEN;
    }

    /** {@code exchange}, refused when not open, cancelled with an error when this lifecycle closes. */
    public <R> Flux<R> guard(Flux<R> exchange) {
        return guard(exchange, "");
    }

    /**
     * As {@link #guard(Flux)}, for an exchange of another client that shares the pool of this lifecycle's owner;
     * its refusal says so.
     */
    public <R> Flux<R> guardShared(Flux<R> exchange) {
        return guard(exchange, " (the client whose connection pool it shares was closed)");
    }

    private <R> Flux<R> guard(Flux<R> exchange, String why) {
        return Flux.deferContextual(context -> {
            if (state.get() != OPEN) {
                return Flux.error(refused(why));
            }
            active.incrementAndGet();
            if (state.get() != OPEN) { // shutting down began in between: do not count this one
                release();
                return Flux.error(refused(why));
            }
            Guarded guarded = new Guarded(this, context.getOrDefault(GUARDED, null));
            return Streams.cutBy(exchange, closing.asMono(), () -> cancelled(guarded.written()))
                    // a transport failure once closed (a queued request failed by the pool's disposal) is the close
                    .onErrorMap(
                            e -> e instanceof FirmafonIoException && state.get() == CLOSED,
                            e -> cancelled(guarded.written()))
                    .doFinally(signal -> release())
                    .contextWrite(inner -> inner.put(GUARDED, guarded));
        });
    }

    /**
     * {@code exchange} with a deadline for the whole of it, every attempt included (for a download: until its first
     * item); past it the exchange is cancelled and fails with {@code error}, told whether any attempt was written.
     * Must run inside {@link #guard(Flux)}, whose flag it reads.
     */
    public static <R> Flux<R> deadline(
            Flux<R> exchange, Duration timeout, java.util.function.Function<Boolean, ? extends Throwable> error) {
        return Flux.deferContextual(context -> {
            Guarded guarded = context.getOrDefault(GUARDED, null);
            return exchange.timeout(
                    Mono.delay(timeout, Schedulers.parallel()),
                    item -> Mono.never(),
                    Flux.defer(() -> Flux.error(error.apply(guarded != null && guarded.written()))));
        });
    }

    private FirmafonClosedException cancelled(boolean written) {
        return new FirmafonClosedException(
                owner + " was closed while this request was in flight: it was cancelled "
                        + (written ? "(it may have reached the server)" : "before it was sent"),
                written);
    }

    /** The error for a request subscribed after shutdown began: nothing was sent. */
    private FirmafonClosedException refused(String why) {
        return new FirmafonClosedException(
                owner + " is closed" + why
                        + (state.get() == DRAINING ? " (closing gracefully: it starts no new request)" : "")
                        + "; the request was not sent",
                false);
    }

    private void release() {
        if (active.decrementAndGet() == 0 && state.get() == DRAINING) {
            drained.tryEmitEmpty();
        }
    }

    /**
     * Closes now: refuses new exchanges, runs {@code release} (disposing the pool first fails every request still
     * waiting for a connection, so cancelling the running ones frees no connection for a queued one to take), then
     * cancels every running exchange before returning.
     *
     * @return whether this call closed it (false when it was already closed)
     */
    public boolean close(Runnable release) {
        if (state.getAndSet(CLOSED) == CLOSED) {
            return false;
        }
        shuttingDown.tryEmitEmpty();
        try {
            release.run();
        } finally {
            closing.tryEmitEmpty();
            drained.tryEmitEmpty();
        }
        return true;
    }

    /**
     * Refuses new exchanges at once, lets running ones finish up to {@code timeout}, then {@link #close(Runnable)}s
     * (cancelling what still runs) with {@code release}, and runs {@code after} when this call closed it. Completes
     * when closed; never fails.
     */
    public Mono<Void> closeGracefully(Duration timeout, Runnable release, Runnable after) {
        return Mono.defer(() -> {
            if (state.compareAndSet(OPEN, DRAINING)) {
                shuttingDown.tryEmitEmpty();
                if (active.get() == 0) {
                    drained.tryEmitEmpty();
                }
            }
            return drained.asMono()
                    .timeout(timeout, Mono.<Void>empty(), Schedulers.parallel())
                    .then(Mono.fromRunnable(() -> {
                        if (close(release)) {
                            after.run();
                        }
                    }));
        });
    }
}
