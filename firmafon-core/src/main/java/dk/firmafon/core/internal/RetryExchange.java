package dk.firmafon.core.internal;

import dk.firmafon.foundation.internal.Retries;
import dk.firmafon.net.RetryPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outermost decorator: repeats a failed attempt when the SDK's one retry engine ({@link Retries}, shared with
 * the OAuth token refresh) allows, after a capped exponential backoff with jitter (or the server's
 * {@code Retry-After}, when it is longer and not beyond the policy's cap).
 *
 * <p>Rules: a request that never started to be written (connect failure) may be repeated whatever its method; a
 * request that may have reached the server is repeated only when it is idempotent (GET, PUT, DELETE, or marked),
 * after a reset or malformed response, or a 408, 429, 500, 502, 503 or 504. Response and pool-acquire timeouts
 * are not repeated: they already waited as long as the caller allowed; nor is a request the pool refused to queue
 * beyond its pending-acquire limit: repeating it would only add to the load that limit sheds. A stream that has
 * emitted data is never repeated.
 */
public final class RetryExchange implements Exchange {
    private static final Logger LOG = LoggerFactory.getLogger("dk.firmafon.core");

    private final Exchange delegate;
    private final RetryPolicy policy;

    public RetryExchange(Exchange delegate, RetryPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    public <R> Flux<R> exchange(Attempt call, ResponseReader<R> reader) {
        return attempt(call, reader);
    }

    private <R> Flux<R> attempt(Attempt call, ResponseReader<R> reader) {
        Flux<R> exchange = delegate.exchange(call, reader);
        if (!call.binary()) {
            // JSON readers emit their one value last: an error always comes before any value
            return exchange.onErrorResume(error -> retryOrFail(call, reader, error));
        }
        boolean[] emitted = {false};
        return exchange.doOnNext(item -> emitted[0] = true)
                .onErrorResume(error -> emitted[0] ? Flux.error(error) : retryOrFail(call, reader, error));
    }

    private <R> Flux<R> retryOrFail(Attempt call, ResponseReader<R> reader, Throwable error) {
        Duration delay = delayBeforeRetry(call, error);
        if (delay == null) {
            return Flux.error(error);
        }
        Attempt next = call.withAttempt(call.attempt() + 1);
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "retrying {} in {} ms (attempt {} of {}) after: {}",
                    call.describe(),
                    delay.toMillis(),
                    next.attempt(),
                    policy.maxAttempts(),
                    error.getMessage());
        }
        return Mono.delay(delay, policy.scheduler()).thenMany(Flux.defer(() -> attempt(next, reader)));
    }

    /** The delay before the next attempt, or {@code null} when {@code error} must not be retried. */
    @Nullable
    Duration delayBeforeRetry(Attempt call, Throwable error) {
        return Retries.delayBeforeRetry(
                policy,
                call.idempotent() ? Retries.Request.IDEMPOTENT : Retries.Request.NOT_IDEMPOTENT,
                call.attempt(),
                error);
    }
}
