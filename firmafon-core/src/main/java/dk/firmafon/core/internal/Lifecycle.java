package dk.firmafon.core.internal;

import dk.firmafon.error.FirmafonClosedException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Open, draining or closed; and every exchange running under it. {@link #guard(Flux)} refuses a subscription once
 * the lifecycle is no longer open, and cancels a running one (failing it with a {@link FirmafonClosedException}) when
 * the lifecycle closes. Closing is synchronous: when {@link #close()} returns, every guarded exchange has been
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
    /** The context key of a request's {@link Written} flag, which the transport sets. */
    public static final Class<Written> WRITTEN = Written.class;

    /** @param owner what is closed, as error messages name it, e.g. {@code "this FirmafonClient"} */
    public Lifecycle(String owner) {
        this.owner = owner;
    }

    /** Set by the transport once any attempt of a guarded request starts to be written. */
    public static final class Written {
        volatile boolean written;

        /** Marks the request written: from now on the server may have received it. */
        public void markWritten() {
            written = true;
        }
    }

    /** Whether {@link #close()} or {@link #closeGracefully(Duration)} was called. */
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
        return Flux.defer(() -> {
            if (state.get() != OPEN) {
                return Flux.error(refused(why));
            }
            active.incrementAndGet();
            if (state.get() != OPEN) { // shutting down began in between: do not count this one
                release();
                return Flux.error(refused(why));
            }
            Written written = new Written();
            return exchange.takeUntilOther(closing.asMono().then(Mono.error(() -> cancelled(written.written))))
                    .doFinally(signal -> release())
                    .contextWrite(context -> context.put(WRITTEN, written));
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
            Written written = context.getOrDefault(WRITTEN, null);
            return exchange.timeout(
                    Mono.delay(timeout, Schedulers.parallel()),
                    item -> Mono.never(),
                    Flux.defer(() -> Flux.error(error.apply(written != null && written.written))));
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
     * Closes now: refuses new exchanges and cancels every running one before returning.
     *
     * @return whether this call closed it (false when it was already closed)
     */
    public boolean close() {
        if (state.getAndSet(CLOSED) == CLOSED) {
            return false;
        }
        closing.tryEmitEmpty();
        drained.tryEmitEmpty();
        return true;
    }

    /**
     * Refuses new exchanges at once, lets running ones finish up to {@code timeout}, then {@link #close()}s
     * (cancelling what still runs) and runs {@code then}. Completes when closed; never fails.
     */
    public Mono<Void> closeGracefully(Duration timeout, Runnable then) {
        return Mono.defer(() -> {
            if (state.compareAndSet(OPEN, DRAINING) && active.get() == 0) {
                drained.tryEmitEmpty();
            }
            return drained.asMono()
                    .timeout(timeout, Mono.<Void>empty(), Schedulers.parallel())
                    .then(Mono.fromRunnable(() -> {
                        if (close()) {
                            then.run();
                        }
                    }));
        });
    }
}
