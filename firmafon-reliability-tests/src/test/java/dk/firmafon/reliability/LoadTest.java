package dk.firmafon.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.net.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.test.StepVerifier;

/** Many requests at once through a bounded pool, against a local Reactor Netty server that counts connections. */
class LoadTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ACCESS_TOKEN = "load-test-access-token";
    private static final int REQUESTS = 1_000;
    private static final int MAX_CONNECTIONS = 50;

    @Test
    void thousandConcurrentRequestsThroughFiftyConnectionsAllCompleteOnOneTokenAcquisition() {
        AtomicLong tokenPosts = new AtomicLong();
        try (LocalServer api = LocalServer.start(LoadTest::call);
                LocalServer tokens = LocalServer.start((request, response) -> {
                    tokenPosts.addAndGet(
                            request.method().name().equals("POST")
                                            && request.uri().endsWith("/token")
                                    ? 1
                                    : 0);
                    // slow, so that every request is waiting for this one token exchange
                    return LocalServer.json(
                            response,
                            Mono.delay(Duration.ofMillis(200), LocalServer.timer())
                                    .thenReturn(OAuthFixture.tokenResponse(ACCESS_TOKEN)));
                });
                OAuth2Client oauth =
                        OAuthFixture.withExpiredToken(api.baseUri(), URI.create(tokens.baseUri() + "/token"));
                Firmafon firmafon = Firmafon.builder()
                        .baseUri(api.baseUri())
                        .auth(oauth.forUser(OAuthFixture.USER))
                        .client(client -> client.maxConnections(MAX_CONNECTIONS).retryPolicy(RetryPolicy.none()))
                        .build()) {

            StepVerifier.create(Flux.range(0, REQUESTS)
                            .flatMap(
                                    i -> firmafon.calls().get(uuid(i)).filter(call -> call.callUuid()
                                            .equals(uuid(i))),
                                    REQUESTS)
                            .count())
                    .expectNext((long) REQUESTS)
                    .expectComplete()
                    .verify(TIMEOUT);

            assertThat(api.requests())
                    .as("API requests (none rejected, none repeated)")
                    .isEqualTo(REQUESTS);
            assertThat(api.mostOpen()).as("connections open at once").isBetween(2, MAX_CONNECTIONS);
            assertThat(api.connections()).as("connections ever opened").isLessThanOrEqualTo(MAX_CONNECTIONS);
            assertThat(tokenPosts).as("token exchanges").hasValue(1);
            assertThat(tokens.requests()).as("requests to the token endpoint").isEqualTo(1);
        }
    }

    @Test
    void aLowPendingAcquireLimitFailsOnlyWithThePendingAcquireError() {
        int requests = 200;
        try (LocalServer api = LocalServer.start(LoadTest::call);
                PoolProbe pool = PoolProbe.create(
                        "low-pending", settings -> settings.maxConnections(2).pendingAcquireMaxCount(4));
                Firmafon firmafon = Firmafon.builder()
                        .baseUri(api.baseUri())
                        .auth(AuthStrategy.bearer(ACCESS_TOKEN))
                        .client(client -> client.httpClient(pool.httpClient()))
                        .build()) {

            StepVerifier.create(Flux.range(0, requests)
                            .flatMap(
                                    i -> firmafon.calls()
                                            .get(uuid(i))
                                            .map(call -> "ok")
                                            .onErrorResume(error -> Mono.just(outcome(error))),
                                    requests)
                            .collectList())
                    .assertNext(outcomes -> {
                        Map<String, Long> counted = new ConcurrentHashMap<>();
                        outcomes.forEach(outcome -> counted.merge(outcome, 1L, Long::sum));
                        assertThat(counted.keySet()).as("outcomes").containsOnly("ok", "pending-acquire limit");
                        assertThat(counted.get("ok")).as("successes").isGreaterThanOrEqualTo(2);
                        assertThat(counted.get("pending-acquire limit"))
                                .as("refusals")
                                .isPositive();
                        assertThat(api.requests())
                                .as("requests that reached the server")
                                .isEqualTo(counted.get("ok"));
                    })
                    .expectComplete()
                    .verify(TIMEOUT);

            assertThat(api.mostOpen()).as("connections open at once").isLessThanOrEqualTo(2);
            pool.assertNoAcquiredConnection();
            assertThat(pool.pendingAcquires())
                    .as("requests still waiting for a connection")
                    .isZero();
        }
    }

    /** "pending-acquire limit" for the SDK's documented refusal; the error itself otherwise, to fail the test. */
    private static String outcome(Throwable error) {
        if (error instanceof FirmafonIoException && error.getMessage().contains("pending-acquire limit")) {
            return "pending-acquire limit";
        }
        return error.toString();
    }

    /** {@code GET /calls/:uuid} with the expected Bearer token: the call; else 401. */
    private static Publisher<Void> call(HttpServerRequest request, HttpServerResponse response) {
        return LocalServer.call(request, response, ACCESS_TOKEN, Mono.empty());
    }

    private static String uuid(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }
}
