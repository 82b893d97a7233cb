package dk.firmafon.tokenstore.redis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dk.firmafon.auth.Credential;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.error.TokenStoreException;
import dk.firmafon.net.RetryPolicy;
import dk.firmafon.testsupport.TestSecrets;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import redis.embedded.RedisServer;

/**
 * The Redis store against a real Redis server (the binaries embedded-redis ships), with two OAuth clients sharing it
 * as two instances would, and a token endpoint that rotates refresh tokens.
 */
class RedisTokenStoreTest {
    private static final String ACCESS = TestSecrets.ACCESS_TOKEN;
    private static final String NEW_ACCESS = TestSecrets.NEW_ACCESS_TOKEN;
    private static final String REFRESH = TestSecrets.REFRESH_TOKEN;
    private static final String NEW_REFRESH = TestSecrets.NEW_REFRESH_TOKEN;

    @RegisterExtension
    static final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private int port;
    private RedisServer server;
    private RedisClient client;
    private RedisTokenStore store;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = new RedisServer(port);
        server.start();
        client = RedisClient.create("redis://127.0.0.1:" + port);
        // while Redis is down, commands fail at once instead of waiting for a reconnect (the store's own timeout
        // bounds them either way)
        client.setOptions(io.lettuce.core.ClientOptions.builder()
                .disconnectedBehavior(io.lettuce.core.ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        store = RedisTokenStore.connect(client, "test:token:", Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        client.shutdownAsync(0, 2, java.util.concurrent.TimeUnit.SECONDS)
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        server.stop();
    }

    private static OAuthToken token(String access, String refresh) {
        return OAuthToken.builder()
                .accessToken(access)
                .refreshToken(refresh)
                .expiresIn(Duration.ofHours(2))
                .receivedAt(Instant.parse("2026-12-06T09:00:00Z"))
                .build();
    }

    @Test
    void tokensRoundTripAndCompareAndSetReplacesOnlyTheExpectedOne() {
        OAuthToken a = token(ACCESS, REFRESH);
        OAuthToken b = token(NEW_ACCESS, NEW_REFRESH);
        StepVerifier.create(store.replace("bob", null, a)).expectNext(true).verifyComplete();
        StepVerifier.create(store.load("bob")).expectNext(a).verifyComplete();
        StepVerifier.create(store.replace("bob", null, b)).expectNext(false).verifyComplete();
        StepVerifier.create(store.replace("bob", b, a)).expectNext(false).verifyComplete();
        StepVerifier.create(store.replace("bob", a, b)).expectNext(true).verifyComplete();
        StepVerifier.create(store.replace("bob", a, null)).expectNext(false).verifyComplete();
        StepVerifier.create(store.replace("bob", b, null)).expectNext(true).verifyComplete();
        StepVerifier.create(store.load("bob")).verifyComplete();
    }

    private OAuth2Client oauth(List<String> changes) {
        return OAuth2Client.builder()
                .clientId("redis-test-client")
                .clientSecret(TestSecrets.CLIENT_SECRET)
                .redirectUri(URI.create("https://app.example/callback"))
                .tokenUri(URI.create(wire.baseUrl() + "/oauth/token"))
                .tokenStore(store)
                .tokenListener((userKey, token) -> changes.add(token == null ? "removed" : token.accessToken()))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @Test
    void twoInstancesSharingRedisRefreshOnceAndNobodyIsSignedOut() {
        wire.resetScenarios();
        wire.stubFor(post(urlEqualTo("/oauth/token"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\"}")));
        wire.stubFor(post(urlEqualTo("/oauth/token"))
                .inScenario("rotation")
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(containing("refresh_token=" + REFRESH))
                .willReturn(okJson("{\"access_token\":\"" + NEW_ACCESS + "\",\"token_type\":\"bearer\","
                                + "\"expires_in\":7200,\"refresh_token\":\"" + NEW_REFRESH + "\"}")
                        .withFixedDelay(300))
                .willSetStateTo("rotated"));
        wire.stubFor(post(urlEqualTo("/oauth/token"))
                .inScenario("rotation")
                .whenScenarioStateIs("rotated")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\"}")));
        store.save(
                        "alice",
                        OAuthToken.builder()
                                .accessToken(ACCESS)
                                .refreshToken(REFRESH)
                                .expiresIn(Duration.ofSeconds(60))
                                .receivedAt(Instant.now().minusSeconds(3600))
                                .build())
                .block(Duration.ofSeconds(5));
        List<String> changes = new CopyOnWriteArrayList<>();
        try (OAuth2Client first = oauth(changes);
                OAuth2Client second = oauth(changes)) {
            Set<String> credentials = ConcurrentHashMap.newKeySet();
            Flux.range(0, 1_000)
                    .flatMap(
                            i -> (i % 2 == 0 ? first : second)
                                    .forUser("alice")
                                    .credential()
                                    .subscribeOn(Schedulers.parallel()),
                            1_000)
                    .map(Credential::value)
                    .doOnNext(credentials::add)
                    .blockLast(Duration.ofSeconds(30));
            assertThat(credentials).containsExactly("Bearer " + NEW_ACCESS);
        }
        assertThat(store.load("alice").block(Duration.ofSeconds(5)).accessToken())
                .isEqualTo(NEW_ACCESS);
        assertThat(wire.findAll(postRequestedFor(urlEqualTo("/oauth/token")))).hasSizeBetween(1, 2);
        assertThat(changes).containsExactly(NEW_ACCESS);
    }

    @Test
    void aRedisThatIsDownIsATypedErrorAndTheStoreRecoversWhenItIsBack() throws IOException {
        store.save("carol", token(ACCESS, REFRESH)).block(Duration.ofSeconds(5));
        server.stop();
        StepVerifier.create(store.load("carol"))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(TokenStoreException.class)
                        .hasMessageContaining("failed to load")
                        .hasMessageNotContaining(ACCESS))
                .verify(Duration.ofSeconds(10));
        server = new RedisServer(port);
        server.start();
        // Lettuce reconnects by itself; until it has, commands are refused at once (typed, as above)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        store.save("carol", token(ACCESS, REFRESH))
                                .then(store.load("carol"))
                                .block(Duration.ofSeconds(5))
                                .accessToken())
                .isEqualTo(ACCESS));
    }
}
