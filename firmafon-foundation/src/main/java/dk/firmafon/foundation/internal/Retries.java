package dk.firmafon.foundation.internal;

import dk.firmafon.error.FirmafonApiException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.error.TokenEndpointException;
import dk.firmafon.net.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import reactor.core.publisher.Mono;

/**
 * The SDK's one retry engine: which failures may be repeated, and after how long, under a {@link RetryPolicy}. The
 * API pipeline's retry decorator and the OAuth token refresh both decide here; the rules are written once.
 */
public final class Retries {
    private Retries() {}

    /** What is being repeated, as far as the rules care. */
    public enum Request {
        /** May be repeated after it may have reached the server (GET, PUT, DELETE, marked idempotent). */
        IDEMPOTENT,
        /** Repeated only when nothing of it was written (a POST). */
        NOT_IDEMPOTENT,
        /**
         * An OAuth refresh: repeated like an idempotent request, and after any 5xx answer of the token endpoint
         * (the old refresh token stays usable until a new one is stored).
         */
        TOKEN_REFRESH
    }

    /**
     * The delay before attempt {@code attempt + 1}, or {@code null} when {@code error}, the failure of attempt
     * {@code attempt} (1 = the first), must be delivered instead.
     */
    public static @Nullable Duration delayBeforeRetry(
            RetryPolicy policy, Request request, int attempt, Throwable error) {
        if (attempt >= policy.maxAttempts()) {
            return null;
        }
        boolean idempotent = request != Request.NOT_IDEMPOTENT;
        if (error instanceof FirmafonIoException failure) {
            boolean retryable =
                    switch (failure.kind()) {
                        case CONNECT, CONNECT_TIMEOUT, TLS_HANDSHAKE_TIMEOUT -> true;
                        case CONNECTION_CLOSED, MALFORMED_RESPONSE -> !failure.requestMayHaveBeenSent() || idempotent;
                        case RESPONSE_TIMEOUT,
                                ATTEMPT_TIMEOUT,
                                OVERALL_TIMEOUT,
                                POOL_ACQUIRE_TIMEOUT,
                                POOL_PENDING_LIMIT,
                                STREAM,
                                OTHER -> false;
                    };
            return retryable ? backoff(policy, attempt) : null;
        }
        if (error instanceof FirmafonApiException api && idempotent && isRetryableStatus(api.status())) {
            return honouringRetryAfter(policy, attempt, retryAfter(api, policy));
        }
        if (error instanceof TokenEndpointException token
                && request == Request.TOKEN_REFRESH
                && (token.isServerError() || token.status() == 429)) {
            return backoff(policy, attempt);
        }
        return null;
    }

    /**
     * Runs {@code attempt} (given its number, 1 first) and repeats it as {@link #delayBeforeRetry} allows, waiting
     * on the policy's scheduler; the last failure is delivered as it is.
     */
    public static <T> Mono<T> retrying(
            RetryPolicy policy, Request request, String what, Logger log, IntFunction<Mono<T>> attempt) {
        return attempt(policy, request, what, log, attempt, 1);
    }

    private static <T> Mono<T> attempt(
            RetryPolicy policy, Request request, String what, Logger log, IntFunction<Mono<T>> attempt, int number) {
        return Mono.defer(() -> attempt.apply(number)).onErrorResume(error -> {
            Duration delay = delayBeforeRetry(policy, request, number, error);
            if (delay == null) {
                return Mono.error(error);
            }
            if (log.isDebugEnabled()) {
                log.debug(
                        "retrying {} in {} ms (attempt {} of {}) after: {}",
                        what,
                        delay.toMillis(),
                        number + 1,
                        policy.maxAttempts(),
                        error.getClass().getSimpleName());
            }
            return Mono.delay(delay, policy.scheduler()).then(attempt(policy, request, what, log, attempt, number + 1));
        });
    }

    private static @Nullable Duration retryAfter(FirmafonApiException api, RetryPolicy policy) {
        List<String> values = api.headers().get("retry-after");
        return values == null || values.isEmpty() ? null : RetryAfter.parse(values.get(0), policy.clock());
    }

    private static @Nullable Duration honouringRetryAfter(
            RetryPolicy policy, int attempt, @Nullable Duration retryAfter) {
        Duration backoff = backoff(policy, attempt);
        if (retryAfter == null) {
            return backoff;
        }
        if (retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
            return null;
        }
        return retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }

    private static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** {@code initialBackoff * 2^(attempt-1)}, capped at {@code maxBackoff}, less up to {@code jitter} of it. */
    static Duration backoff(RetryPolicy policy, int attempt) {
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
