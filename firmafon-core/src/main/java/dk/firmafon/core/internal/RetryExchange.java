package dk.firmafon.core.internal;

import dk.firmafon.core.RetryPolicy;
import dk.firmafon.error.FirmafonApiException;
import dk.firmafon.error.FirmafonIoException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outermost decorator: repeats a failed attempt when the rules allow, after a capped exponential backoff with
 * jitter (or the server's {@code Retry-After}, when it is longer and not beyond the policy's cap).
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
    public <R> Flux<R> exchange(Call call, ResponseReader<R> reader) {
        return attempt(call, reader);
    }

    private <R> Flux<R> attempt(Call call, ResponseReader<R> reader) {
        Flux<R> exchange = delegate.exchange(call, reader);
        if (!call.binary()) {
            // JSON readers emit their one value last: an error always comes before any value
            return exchange.onErrorResume(error -> retryOrFail(call, reader, error));
        }
        boolean[] emitted = {false};
        return exchange.doOnNext(item -> emitted[0] = true)
                .onErrorResume(error -> emitted[0] ? Flux.error(error) : retryOrFail(call, reader, error));
    }

    private <R> Flux<R> retryOrFail(Call call, ResponseReader<R> reader, Throwable error) {
        Duration delay = delayBeforeRetry(call, error);
        if (delay == null) {
            return Flux.error(error);
        }
        Call next = call.withAttempt(call.attempt() + 1);
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
    Duration delayBeforeRetry(Call call, Throwable error) {
        if (call.attempt() >= policy.maxAttempts()) {
            return null;
        }
        if (error instanceof FirmafonIoException failure) {
            boolean retryable =
                    switch (failure.kind()) {
                        case CONNECT, CONNECT_TIMEOUT, TLS_HANDSHAKE_TIMEOUT -> true;
                        case CONNECTION_CLOSED, MALFORMED_RESPONSE -> !failure.requestMayHaveBeenSent()
                                || call.idempotent();
                        case RESPONSE_TIMEOUT,
                                ATTEMPT_TIMEOUT,
                                OVERALL_TIMEOUT,
                                POOL_ACQUIRE_TIMEOUT,
                                POOL_PENDING_LIMIT,
                                STREAM,
                                OTHER -> false;
                    };
            return retryable ? backoff(call.attempt()) : null;
        }
        if (error instanceof FirmafonApiException api && call.idempotent() && isRetryableStatus(api.status())) {
            Duration backoff = backoff(call.attempt());
            Duration retryAfter = Responses.retryAfter(api, policy.clock());
            if (retryAfter == null) {
                return backoff;
            }
            if (retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
                return null;
            }
            return retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
        }
        return null;
    }

    private static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** {@code initialBackoff * 2^(attempt-1)}, capped at {@code maxBackoff}, less up to {@code jitter} of it. */
    private Duration backoff(int attempt) {
        long max = policy.maxBackoff().toNanos();
        long nanos = Math.min(policy.initialBackoff().toNanos(), max);
        for (int i = 1; i < attempt && nanos < max; i++) {
            nanos = nanos > max / 2 ? max : nanos * 2;
        }
        double jitter = policy.jitter();
        if (jitter > 0) {
            nanos -= (long) (nanos * jitter * ThreadLocalRandom.current().nextDouble());
        }
        return Duration.ofNanos(nanos);
    }
}
