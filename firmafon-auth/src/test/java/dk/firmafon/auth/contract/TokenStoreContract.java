package dk.firmafon.auth.contract;

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
import dk.firmafon.auth.*;
import dk.firmafon.net.RetryPolicy;
import dk.firmafon.testsupport.TestSecrets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every {@link TokenStore} must do, run by each store's own test (the in-memory one here, Redis and SQL in
 * their modules, through this test-jar): compare-and-set replaces only the expected token, and two OAuth clients
 * sharing the store (two instances) against a token endpoint that rotates refresh tokens refresh once and sign
 * nobody out, under 1,000 concurrent requests.
 */
public abstract class TokenStoreContract {
    /** The bound of every wait in this test. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    protected static final String ACCESS = TestSecrets.ACCESS_TOKEN;
    protected static final String NEW_ACCESS = TestSecrets.NEW_ACCESS_TOKEN;
    protected static final String REFRESH = TestSecrets.REFRESH_TOKEN;
    protected static final String NEW_REFRESH = TestSecrets.NEW_REFRESH_TOKEN;

    @RegisterExtension
    protected static final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    /** The store under test, empty, for this test. */
    protected abstract TokenStore store();

    protected static OAuthToken token(String access, String refresh, Duration lifetime, Instant receivedAt) {
        return OAuthToken.builder()
                .accessToken(access)
                .refreshToken(refresh)
                .expiresIn(lifetime)
                .receivedAt(receivedAt)
                .build();
    }

    @Test
    void compareAndSetReplacesOnlyTheExpectedToken() {
        TokenStore store = store();
        Instant at = Instant.parse("2026-12-06T09:00:00Z");
        OAuthToken a = token(ACCESS, REFRESH, Duration.ofHours(2), at);
        OAuthToken b = token(NEW_ACCESS, NEW_REFRESH, Duration.ofHours(2), at);
        StepVerifier.create(store.load("bob")).expectComplete().verify(WAIT);
        StepVerifier.create(store.replace("bob", null, a))
                .expectNext(true)
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(store.load("bob")).expectNext(a).expectComplete().verify(WAIT);
        StepVerifier.create(store.replace("bob", null, b))
                .expectNext(false)
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(store.replace("bob", b, a))
                .expectNext(false)
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(store.replace("bob", a, b))
                .expectNext(true)
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(store.replace("bob", a, null))
                .expectNext(false)
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(store.replace("bob", b, null))
                .expectNext(true)
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(store.load("bob")).expectComplete().verify(WAIT);
        StepVerifier.create(store.save("bob", a).then(store.save("bob", b)).then(store.load("bob")))
                .expectNext(b)
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(store.remove("bob").then(store.load("bob")))
                .expectComplete()
                .verify(WAIT);
    }

    /** REFRESH works once (then invalid_grant), as a rotating token server does; anything else is refused. */
    protected static void rotatingTokenEndpoint(Duration answerAfter) {
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
                        .withFixedDelay((int) answerAfter.toMillis()))
                .willSetStateTo("rotated"));
    }

    /**
     * The race's start: {@code user}'s token in {@code store} expired an hour ago, and the token server rotates its
     * refresh token once, answering after 300 ms (so that every instance asks while the first refresh is running).
     */
    protected static void raceOnAnExpiredToken(TokenStore store, String user) {
        rotatingTokenEndpoint(Duration.ofMillis(300));
        store.save(
                        user,
                        token(
                                ACCESS,
                                REFRESH,
                                Duration.ofSeconds(60),
                                Instant.now().minusSeconds(3600)))
                .block(Duration.ofSeconds(10));
    }

    /** An OAuth client on {@code store}, as one instance of a service would have. */
    protected static OAuth2Client instance(TokenStore store, List<String> changes) {
        return OAuth2Client.builder()
                .clientId("store-contract-client")
                .clientSecret(TestSecrets.CLIENT_SECRET)
                .redirectUri(URI.create("https://app.example/callback"))
                .tokenUri(URI.create(wire.baseUrl() + "/oauth/token"))
                .tokenStore(store)
                .tokenListener((userKey, token) -> changes.add(token == null ? "removed" : token.accessToken()))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @Test
    void twoInstancesRefreshOnceUnder1000RequestsAndNobodyIsSignedOut() {
        TokenStore store = store();
        raceOnAnExpiredToken(store, "alice");
        List<String> changes = new CopyOnWriteArrayList<>();
        Set<String> credentials = ConcurrentHashMap.newKeySet();
        try (OAuth2Client first = instance(store, changes);
                OAuth2Client second = instance(store, changes)) {
            Flux.range(0, 1_000)
                    .flatMap(
                            i -> (i % 2 == 0 ? first : second)
                                    .forUser("alice")
                                    .credential()
                                    .subscribeOn(Schedulers.parallel()),
                            1_000)
                    .doOnNext(credential -> credentials.add(credential.value()))
                    .blockLast(Duration.ofSeconds(30));
        }
        assertThat(credentials).containsExactly("Bearer " + NEW_ACCESS);
        assertThat(store.load("alice").block(Duration.ofSeconds(10)).accessToken())
                .isEqualTo(NEW_ACCESS);
        // one refresh per instance at most (single-flight within each), and one of them succeeded
        assertThat(wire.findAll(postRequestedFor(urlEqualTo("/oauth/token")))).hasSizeBetween(1, 2);
        assertThat(changes).containsExactly(NEW_ACCESS).doesNotContain("removed");
    }

    @Test
    void anInstanceStartedAgainKeepsItsUsersSignedIn() {
        TokenStore store = store();
        rotatingTokenEndpoint(Duration.ZERO);
        List<String> changes = new CopyOnWriteArrayList<>();
        try (OAuth2Client before = instance(store, changes)) {
            store.save("bob", token(ACCESS, REFRESH, Duration.ofHours(2), Instant.now()))
                    .block(Duration.ofSeconds(10));
            assertThat(before.forUser("bob")
                            .credential()
                            .block(Duration.ofSeconds(10))
                            .value())
                    .isEqualTo("Bearer " + ACCESS);
        }
        // the process ends; a new one (nothing in memory) builds its client on the same store
        try (OAuth2Client after = instance(store, changes)) {
            assertThat(after.forUser("bob")
                            .credential()
                            .block(Duration.ofSeconds(10))
                            .value())
                    .isEqualTo("Bearer " + ACCESS);
        }
        assertThat(wire.findAll(postRequestedFor(urlEqualTo("/oauth/token")))).isEmpty();
    }
}
