package dk.firmafon.foundation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.error.FirmafonApiException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.error.FirmafonIoException.Kind;
import dk.firmafon.error.TokenEndpointException;
import dk.firmafon.foundation.internal.Retries.Request;
import dk.firmafon.net.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The one retry engine: the rules API calls and token refreshes share, decided without any network. */
class RetriesTest {
    private static final RetryPolicy POLICY = RetryPolicy.builder()
            .maxAttempts(3)
            .initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofMillis(300))
            .jitter(0)
            .build();

    private static FirmafonIoException io(Kind kind, boolean sent) {
        return new FirmafonIoException("failed", null, kind, sent);
    }

    private static FirmafonApiException api(int status, Map<String, List<String>> headers) {
        return FirmafonApiException.from(new FirmafonApiException.Details(
                status, "x", "GET", "https://example.org/x", headers, null, null, null, null, null, 1));
    }

    private static TokenEndpointException token(int status) {
        return new TokenEndpointException("token endpoint failed", status, null, null, null);
    }

    @Test
    void theBackoffDoublesUpToItsCapAndTheLastAttemptIsNeverRepeated() {
        Throwable reset = io(Kind.CONNECT, false);
        assertThat(Retries.delayBeforeRetry(POLICY, Request.IDEMPOTENT, 1, reset))
                .isEqualTo(Duration.ofMillis(100));
        assertThat(Retries.delayBeforeRetry(POLICY, Request.IDEMPOTENT, 2, reset))
                .isEqualTo(Duration.ofMillis(200));
        assertThat(Retries.delayBeforeRetry(POLICY, Request.IDEMPOTENT, 3, reset))
                .isNull();
        assertThat(Retries.backoff(POLICY.toBuilder().maxAttempts(10).build(), 5))
                .isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aRequestThatMayHaveReachedTheServerIsRepeatedOnlyWhenIdempotentOrARefresh() {
        Throwable resetAfterWrite = io(Kind.CONNECTION_CLOSED, true);
        assertThat(Retries.delayBeforeRetry(POLICY, Request.NOT_IDEMPOTENT, 1, resetAfterWrite))
                .isNull();
        assertThat(Retries.delayBeforeRetry(POLICY, Request.IDEMPOTENT, 1, resetAfterWrite))
                .isNotNull();
        assertThat(Retries.delayBeforeRetry(POLICY, Request.TOKEN_REFRESH, 1, resetAfterWrite))
                .isNotNull();
        assertThat(Retries.delayBeforeRetry(POLICY, Request.NOT_IDEMPOTENT, 1, io(Kind.CONNECTION_CLOSED, false)))
                .isNotNull();
    }

    @Test
    void timeoutsAndPoolRefusalsAreNeverRepeatedWhateverTheRequest() {
        for (Kind kind : List.of(
                Kind.RESPONSE_TIMEOUT,
                Kind.ATTEMPT_TIMEOUT,
                Kind.OVERALL_TIMEOUT,
                Kind.POOL_ACQUIRE_TIMEOUT,
                Kind.POOL_PENDING_LIMIT)) {
            for (Request request : Request.values()) {
                assertThat(Retries.delayBeforeRetry(POLICY, request, 1, io(kind, true)))
                        .as("%s %s", kind, request)
                        .isNull();
            }
        }
    }

    @Test
    void retryAfterIsHonouredWhenLongerThanTheBackoffAndRefusedBeyondTheCap() {
        assertThat(Retries.delayBeforeRetry(
                        POLICY, Request.IDEMPOTENT, 1, api(503, Map.of("retry-after", List.of("2")))))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(Retries.delayBeforeRetry(
                        POLICY, Request.IDEMPOTENT, 1, api(429, Map.of("retry-after", List.of("3600")))))
                .isNull();
        assertThat(Retries.delayBeforeRetry(POLICY, Request.NOT_IDEMPOTENT, 1, api(503, Map.of())))
                .isNull();
        assertThat(Retries.delayBeforeRetry(POLICY, Request.IDEMPOTENT, 1, api(404, Map.of())))
                .isNull();
    }

    @Test
    void aTokenEndpointServerErrorIsRepeatedForARefreshButNotForACodeExchange() {
        assertThat(Retries.delayBeforeRetry(POLICY, Request.TOKEN_REFRESH, 1, token(500)))
                .isNotNull();
        assertThat(Retries.delayBeforeRetry(POLICY, Request.TOKEN_REFRESH, 1, token(429)))
                .isNotNull();
        assertThat(Retries.delayBeforeRetry(POLICY, Request.TOKEN_REFRESH, 1, token(400)))
                .isNull();
        assertThat(Retries.delayBeforeRetry(POLICY, Request.NOT_IDEMPOTENT, 1, token(503)))
                .isNull();
    }

    @Test
    void retryingRunsAtMostMaxAttemptsAndDeliversTheLastFailure() {
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy fast = POLICY.toBuilder()
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(1))
                .build();
        Mono<String> refresh = Retries.retrying(
                fast, Request.TOKEN_REFRESH, "a refresh", LoggerFactory.getLogger(RetriesTest.class), n -> {
                    attempts.incrementAndGet();
                    return Mono.error(token(500 + n));
                });
        StepVerifier.create(refresh)
                .expectErrorSatisfies(
                        e -> assertThat(((TokenEndpointException) e).status()).isEqualTo(503))
                .verify(Duration.ofSeconds(5));
        assertThat(attempts).hasValue(3);
    }
}
