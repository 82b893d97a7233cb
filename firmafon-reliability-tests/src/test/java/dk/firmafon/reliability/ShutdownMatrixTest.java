package dk.firmafon.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.error.FirmafonClosedException;
import dk.firmafon.error.ServerErrorException;
import dk.firmafon.net.RetryPolicy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * {@code close()} is a boundary, with the retry policy a user has by default and with retries off: whatever a request
 * is doing when the client closes (queued for a connection, waiting in backoff before a retry, in flight, waiting for
 * a token refresh, streaming a download), the server sees no new request afterwards, and the subscriber ends with the
 * typed closed error saying whether the request may have been sent. (Live-event streams: {@code FeedConformanceTest}
 * in firmafon-events, against the real faye over WebSocket and long-polling.)
 */
class ShutdownMatrixTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Longer than any answer the servers here hold back: a request sent after close() would have arrived. */
    private static final Duration SETTLE = Duration.ofMillis(2_000);

    enum Retries {
        DEFAULT(RetryPolicy.defaults()),
        OFF(RetryPolicy.none());

        final RetryPolicy policy;

        Retries(RetryPolicy policy) {
            this.policy = policy;
        }
    }

    private static Firmafon firmafon(URI base, AuthStrategy auth, Retries retries, int connections) {
        return Firmafon.builder()
                .baseUri(base)
                .auth(auth)
                .client(client -> client.maxConnections(connections).retryPolicy(retries.policy))
                .build();
    }

    private static void awaitRequests(LocalServer server, long count) {
        StepVerifier.create(Flux.interval(Duration.ofMillis(5))
                        .takeUntil(t -> server.requests() >= count)
                        .last())
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);
    }

    private static void assertNothingMoreArrives(LocalServer server, long seen) throws InterruptedException {
        Thread.sleep(SETTLE.toMillis());
        assertThat(server.requests())
                .as("requests the server saw after close()")
                .isEqualTo(seen);
    }

    /** The example as written: five SMS queued on one connection, close() 300 ms later. */
    @ParameterizedTest(name = "retries {0}")
    @EnumSource(Retries.class)
    void closeWhileMessagesAreQueuedForAConnectionSendsNoneOfThem(Retries retries) throws InterruptedException {
        try (LocalServer server = LocalServer.start((request, response) -> request.receive()
                .then()
                .then(Mono.delay(Duration.ofMillis(1_500), LocalServer.timer()))
                .then(Mono.from(LocalServer.json(response, Mono.just("{\"sent\": true}")))))) {
            Firmafon firmafon = firmafon(server.baseUri(), AuthStrategy.bearer("matrix-token-1"), retries, 1);
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            AtomicInteger sent = new AtomicInteger();
            for (int i = 0; i < 5; i++) {
                firmafon.employees()
                        .sendMessage(17, "message " + i)
                        .subscribe(ok -> sent.incrementAndGet(), errors::add);
            }
            awaitRequests(server, 1);
            Thread.sleep(300);

            firmafon.close();

            assertThat(errors)
                    .as("every message failed when close() returned")
                    .hasSize(5)
                    .allMatch(FirmafonClosedException.class::isInstance);
            assertThat(errors)
                    .filteredOn(e -> ((FirmafonClosedException) e).requestMayHaveBeenSent())
                    .as("only the message in flight may have been sent")
                    .hasSize(1);
            assertNothingMoreArrives(server, 1);
            assertThat(server.connections()).as("connections ever opened").isEqualTo(1);
            assertThat(sent).hasValue(0);
        }
    }

    @ParameterizedTest(name = "retries {0}")
    @EnumSource(Retries.class)
    void closeWhileARetryWaitsInBackoffMakesNoFurtherAttempt(Retries retries) throws InterruptedException {
        try (LocalServer server = LocalServer.start((request, response) -> response.status(503)
                .header("Retry-After", "2")
                .header("Content-Type", "application/json")
                .sendString(Mono.just("{\"status\":\"failure\"}")))) {
            Firmafon firmafon = firmafon(server.baseUri(), AuthStrategy.bearer("matrix-token-2"), retries, 4);
            Sinks.One<Throwable> ended = Sinks.one();
            firmafon.calls().get("backoff").subscribe(ok -> {}, ended::tryEmitValue);
            awaitRequests(server, 1);
            Thread.sleep(200); // the answer is in: a retrying client now waits out Retry-After

            firmafon.close();

            StepVerifier.create(ended.asMono())
                    .assertNext(error -> {
                        if (retries == Retries.DEFAULT) {
                            assertThat(error)
                                    .isInstanceOfSatisfying(FirmafonClosedException.class, closed -> assertThat(
                                                    closed.requestMayHaveBeenSent())
                                            .isTrue());
                        } else {
                            assertThat(error).isInstanceOf(ServerErrorException.class);
                        }
                    })
                    .expectComplete()
                    .verify(Duration.ofSeconds(5));
            assertNothingMoreArrives(server, 1);
        }
    }

    @ParameterizedTest(name = "retries {0}")
    @EnumSource(Retries.class)
    void closeWhileARequestIsInFlightCancelsItAndSendsItNoMore(Retries retries) throws InterruptedException {
        try (LocalServer server = LocalServer.start((request, response) -> LocalServer.json(
                response,
                Mono.delay(Duration.ofSeconds(10), LocalServer.timer()).thenReturn(LocalServer.callJson("x"))))) {
            Firmafon firmafon = firmafon(server.baseUri(), AuthStrategy.bearer("matrix-token-3"), retries, 4);
            Mono<String> call = firmafon.calls().get("in-flight").map(c -> c.callUuid());
            StepVerifier.create(call)
                    .then(() -> awaitRequests(server, 1))
                    .then(firmafon::close)
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOfSatisfying(
                                    FirmafonClosedException.class, closed -> assertThat(closed.requestMayHaveBeenSent())
                                            .isTrue()))
                    .verify(Duration.ofSeconds(5));
            assertNothingMoreArrives(server, 1);
            assertThat(server.connections()).as("connections ever opened").isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "retries {0}")
    @EnumSource(Retries.class)
    void closeWhileWaitingForATokenRefreshSendsNoApiRequest(Retries retries) throws InterruptedException {
        Sinks.Empty<Void> never = Sinks.empty();
        try (LocalServer api = LocalServer.start((request, response) ->
                        LocalServer.json(response, Mono.just(LocalServer.callJson(LocalServer.lastSegment(request)))));
                LocalServer tokens = LocalServer.start((request, response) -> LocalServer.json(
                        response,
                        never.asMono()
                                .timeout(Duration.ofSeconds(5), Mono.empty(), LocalServer.timer())
                                .then(Mono.just(OAuthFixture.tokenResponse("matrix-fresh-token")))))) {
            OAuth2Client oauth = OAuthFixture.withExpiredToken(api.baseUri(), URI.create(tokens.baseUri() + "/token"));
            Firmafon firmafon = firmafon(api.baseUri(), oauth.forUser(OAuthFixture.USER), retries, 4);
            StepVerifier.create(firmafon.calls().get("after-refresh"))
                    .then(() -> awaitRequests(tokens, 1))
                    .then(firmafon::close)
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOfSatisfying(
                                    FirmafonClosedException.class, closed -> assertThat(closed.requestMayHaveBeenSent())
                                            .isFalse()))
                    .verify(Duration.ofSeconds(5));
            Thread.sleep(SETTLE.toMillis() + 4_000); // the token endpoint answers after 5 s: nothing may follow
            assertThat(api.requests()).as("API requests").isZero();
            assertThat(tokens.requests()).as("token requests").isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "retries {0}")
    @EnumSource(Retries.class)
    void closeWhileADownloadStreamsEndsItAndSendsNoMore(Retries retries) throws InterruptedException {
        Sinks.Empty<Void> never = Sinks.empty();
        try (LocalServer server = LocalServer.start((request, response) -> response.header("Content-Type", "audio/mpeg")
                .header("Content-Length", "2048")
                .sendByteArray(Flux.concat(
                        Mono.just(new byte[1024]),
                        never.asMono()
                                .timeout(Duration.ofSeconds(20), Mono.empty(), LocalServer.timer())
                                .then(Mono.just(new byte[1024])))))) {
            Firmafon firmafon = firmafon(server.baseUri(), AuthStrategy.bearer("matrix-token-5"), retries, 4);
            Flux<ByteBuffer> download = firmafon.voiceMails().download(7);
            StepVerifier.create(download)
                    .expectNextMatches(buffer -> buffer.remaining() > 0)
                    .then(firmafon::close)
                    .thenConsumeWhile(buffer -> true)
                    .expectError(FirmafonClosedException.class)
                    .verify(Duration.ofSeconds(10));
            assertNothingMoreArrives(server, 1);
        }
    }
}
