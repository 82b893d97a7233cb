package dk.firmafon.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.calls.CallQuery;
import dk.firmafon.calls.model.Call;
import dk.firmafon.net.RetryPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.test.StepVerifier;

/**
 * Cancelling while a response streams in, while the next page is in flight, and while a token is being exchanged:
 * the connection goes back to the pool (none acquired), no further request is sent, and other subscribers waiting on
 * the same token exchange still get their answers. Each cancellation is triggered by the server's own signal (it has
 * started the body, received the page request, received the token request), so nothing depends on timing.
 */
class CancellationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TOKEN = "cancellation-test-token";
    private static final int PAGE = 100;

    @Test
    void cancellingMidResponseReleasesTheConnectionAndSendsNothingMore() {
        Sinks.One<Boolean> bodyStarted = Sinks.one();
        try (LocalServer server = LocalServer.start((request, response) -> {
                    // the first bytes of a JSON body, then a trickle that would take minutes
                    bodyStarted.tryEmitValue(true);
                    Flux<String> body = Flux.concat(
                            Flux.just("{\"call\":{\"call_uuid\":\"c-1\",\"nodes\":["),
                            Flux.interval(Duration.ofMillis(50), LocalServer.timer())
                                    .map(i -> (i == 0 ? "" : ",") + "{}"));
                    return LocalServer.json(response, body);
                });
                PoolProbe pool = PoolProbe.create("mid-response");
                Firmafon firmafon = firmafon(server.baseUri(), AuthStrategy.bearer(TOKEN), pool)) {

            StepVerifier.create(firmafon.calls().get("c-1").flux().takeUntilOther(bodyStarted.asMono()))
                    .expectComplete()
                    .verify(TIMEOUT);

            pool.assertNoAcquiredConnection();
            assertCancelledConnectionClosed(server, pool);
            assertThat(server.requests()).as("requests sent").isEqualTo(1);
        }
    }

    @Test
    void cancellingADownloadMidStreamReleasesTheConnection() {
        try (LocalServer server = LocalServer.start((request, response) -> response.header("Content-Type", "audio/mpeg")
                        .sendString(
                                Flux.interval(Duration.ofMillis(20), LocalServer.timer())
                                        .map(i -> "0123456789abcdef"),
                                StandardCharsets.US_ASCII));
                PoolProbe pool = PoolProbe.create("mid-download");
                Firmafon firmafon = firmafon(server.baseUri(), AuthStrategy.bearer(TOKEN), pool)) {

            StepVerifier.create(firmafon.client().download(dk.firmafon.core.ApiRequest.get("/voice_mails/1/sound")))
                    .expectNextCount(3)
                    .thenCancel()
                    .verify(TIMEOUT);

            pool.assertNoAcquiredConnection();
            assertCancelledConnectionClosed(server, pool);
            assertThat(server.requests()).as("requests sent").isEqualTo(1);
        }
    }

    @Test
    void cancellingWhileTheSecondPageIsInFlightReleasesTheConnectionAndFetchesNoMorePages() {
        Sinks.One<Boolean> secondPageRequested = Sinks.one();
        try (LocalServer server = LocalServer.start((request, response) -> {
                    if (!request.uri().contains("started_at_lt_or_eq")) {
                        return LocalServer.json(response, Mono.just(page()));
                    }
                    secondPageRequested.tryEmitValue(true);
                    return LocalServer.json(response, Mono.never());
                });
                PoolProbe pool = PoolProbe.create("mid-page");
                Firmafon firmafon = firmafon(server.baseUri(), AuthStrategy.bearer(TOKEN), pool)) {

            StepVerifier.create(firmafon.calls()
                            .list(CallQuery.builder().limit(PAGE).build())
                            .takeUntilOther(secondPageRequested.asMono()))
                    .expectNextCount(PAGE)
                    .expectComplete()
                    .verify(TIMEOUT);

            pool.assertNoAcquiredConnection();
            assertCancelledConnectionClosed(server, pool);
            assertThat(server.requests()).as("pages requested").isEqualTo(2);
        }
    }

    @Test
    void cancellingOneSubscriberDuringTheTokenExchangeLeavesTheOthersTheirToken() {
        Sinks.One<Boolean> tokenRequested = Sinks.one();
        Sinks.One<Boolean> firstCancelled = Sinks.one();
        AtomicInteger tokenPosts = new AtomicInteger();
        try (LocalServer api = LocalServer.start(CancellationTest::callWithToken);
                LocalServer tokens = LocalServer.start((request, response) -> {
                    tokenPosts.incrementAndGet();
                    tokenRequested.tryEmitValue(true);
                    // answers only once the first subscriber has gone
                    return LocalServer.json(
                            response,
                            firstCancelled
                                    .asMono()
                                    .publishOn(LocalServer.timer())
                                    .thenReturn(OAuthFixture.tokenResponse(TOKEN)));
                });
                OAuth2Client oauth =
                        OAuthFixture.withExpiredToken(api.baseUri(), URI.create(tokens.baseUri() + "/token"));
                PoolProbe pool = PoolProbe.create("token-exchange");
                Firmafon firmafon = firmafon(api.baseUri(), oauth.forUser(OAuthFixture.USER), pool)) {

            Flux<String> first = firmafon.calls()
                    .get("first")
                    .map(Call::callUuid)
                    .flux()
                    .doOnCancel(() -> firstCancelled.tryEmitValue(true))
                    .takeUntilOther(tokenRequested.asMono());
            Flux<String> others = Flux.merge(
                    firmafon.calls().get("second").map(Call::callUuid),
                    firmafon.calls().get("third").map(Call::callUuid));

            StepVerifier.create(Flux.merge(first, others))
                    .recordWith(java.util.ArrayList::new)
                    .expectNextCount(2)
                    .consumeRecordedWith(uuids -> assertThat(uuids).containsExactlyInAnyOrder("second", "third"))
                    .expectComplete()
                    .verify(TIMEOUT);

            assertThat(tokenPosts).as("token exchanges").hasValue(1);
            assertThat(api.requests())
                    .as("API requests (none for the cancelled subscriber)")
                    .isEqualTo(2);
            pool.assertNoAcquiredConnection();
        }
    }

    @Test
    void cancellingTheOnlySubscriberDuringTheTokenExchangeSendsNoRequestAndALaterOneStillWorks() {
        Sinks.One<Boolean> tokenRequested = Sinks.one();
        Sinks.One<Boolean> cancelled = Sinks.one();
        try (LocalServer api = LocalServer.start(CancellationTest::callWithToken);
                LocalServer tokens = LocalServer.start((request, response) -> {
                    tokenRequested.tryEmitValue(true);
                    return LocalServer.json(
                            response,
                            cancelled
                                    .asMono()
                                    .publishOn(LocalServer.timer())
                                    .thenReturn(OAuthFixture.tokenResponse(TOKEN)));
                });
                OAuth2Client oauth =
                        OAuthFixture.withExpiredToken(api.baseUri(), URI.create(tokens.baseUri() + "/token"));
                PoolProbe pool = PoolProbe.create("token-exchange-alone");
                Firmafon firmafon = firmafon(api.baseUri(), oauth.forUser(OAuthFixture.USER), pool)) {

            StepVerifier.create(firmafon.calls()
                            .get("first")
                            .flux()
                            .doOnCancel(() -> cancelled.tryEmitValue(true))
                            .takeUntilOther(tokenRequested.asMono()))
                    .expectComplete()
                    .verify(TIMEOUT);
            assertThat(api.requests())
                    .as("API requests of the cancelled subscriber")
                    .isZero();

            StepVerifier.create(firmafon.calls().get("later").map(Call::callUuid))
                    .expectNext("later")
                    .expectComplete()
                    .verify(TIMEOUT);
            assertThat(api.requests()).as("API requests").isEqualTo(1);
            pool.assertNoAcquiredConnection();
        }
    }

    private static Firmafon firmafon(URI baseUri, AuthStrategy auth, PoolProbe pool) {
        return Firmafon.builder()
                .baseUri(baseUri)
                .auth(auth)
                .client(client -> client.httpClient(pool.httpClient()).retryPolicy(RetryPolicy.none()))
                .build();
    }

    /**
     * Waits until every connection the server still has open is an idle one in the client's pool: the connection of
     * the cancelled exchange was closed, not kept (it could not be reused with an answer still owed on it).
     */
    private static void assertCancelledConnectionClosed(LocalServer server, PoolProbe pool) {
        StepVerifier.create(Flux.interval(Duration.ZERO, Duration.ofMillis(10))
                        .map(tick -> server.open() - pool.allocated())
                        .takeUntil(unpooled -> unpooled == 0)
                        .last())
                .expectNext(0)
                .expectComplete()
                .verify(TIMEOUT);
    }

    private static Publisher<Void> callWithToken(HttpServerRequest request, HttpServerResponse response) {
        return LocalServer.call(request, response, TOKEN, Mono.empty());
    }

    /** A full first page of calls, a minute apart, newest first. */
    private static String page() {
        Instant newest = Instant.parse("2025-06-02T10:00:00Z");
        StringBuilder json = new StringBuilder("{\"calls\":[");
        for (int i = 0; i < PAGE; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"call_uuid\":\"call-")
                    .append(i)
                    .append("\",\"started_at\":\"")
                    .append(newest.minus(Duration.ofMinutes(i)))
                    .append("\"}");
        }
        return json.append("]}").toString();
    }
}
