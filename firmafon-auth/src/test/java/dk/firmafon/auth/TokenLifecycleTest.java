package dk.firmafon.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dk.firmafon.auth.OAuthFixtures.ACCESS;
import static dk.firmafon.auth.OAuthFixtures.CLIENT_ID;
import static dk.firmafon.auth.OAuthFixtures.CLIENT_SECRET;
import static dk.firmafon.auth.OAuthFixtures.CODE;
import static dk.firmafon.auth.OAuthFixtures.NEW_ACCESS;
import static dk.firmafon.auth.OAuthFixtures.NEW_REFRESH;
import static dk.firmafon.auth.OAuthFixtures.REDIRECT;
import static dk.firmafon.auth.OAuthFixtures.REFRESH;
import static dk.firmafon.auth.OAuthFixtures.TIMEOUT;
import static dk.firmafon.auth.OAuthFixtures.assertNoSecret;
import static dk.firmafon.auth.OAuthFixtures.json;
import static dk.firmafon.auth.OAuthFixtures.tokenJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dk.firmafon.auth.OAuthFixtures.MapTokenStore;
import dk.firmafon.auth.OAuthFixtures.MutableClock;
import dk.firmafon.auth.OAuthFixtures.RecordingListener;
import dk.firmafon.error.ReauthorizationRequiredException;
import dk.firmafon.error.TokenEndpointException;
import dk.firmafon.net.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class TokenLifecycleTest {
    @RegisterExtension
    static WireMockExtension wire = OAuthFixtures.wireMock();

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Credential OLD_CREDENTIAL = Credential.header("Authorization", "Bearer " + ACCESS);
    private static final Credential NEW_CREDENTIAL = Credential.header("Authorization", "Bearer " + NEW_ACCESS);

    private final MutableClock clock = new MutableClock(NOW);
    private final MapTokenStore store = new MapTokenStore();
    private final RecordingListener listener = new RecordingListener();
    private final OAuth2Client client = OAuth2Client.builder()
            .clientId(CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .redirectUri(REDIRECT)
            .tokenUri(URI.create(wire.baseUrl() + "/oauth/token"))
            .clock(clock)
            .tokenStore(store.store)
            .tokenListener(listener)
            .refreshAhead(Duration.ofSeconds(60))
            .retryPolicy(RetryPolicy.builder()
                    .maxAttempts(3)
                    .initialBackoff(Duration.ofMillis(10))
                    .build())
            .build();
    private final OAuth2Auth alice = client.forUser("alice");

    @AfterEach
    void close() {
        client.close();
    }

    /** Alice holds ACCESS, received now, living {@code expiresIn}, with the given refresh token. */
    private void aliceHolds(Duration expiresIn, @Nullable String refreshToken) {
        OAuthToken.Builder token =
                OAuthToken.builder().accessToken(ACCESS).expiresIn(expiresIn).receivedAt(NOW);
        if (refreshToken != null) {
            token.refreshToken(refreshToken);
        }
        store.tokens.put("alice", token.build());
    }

    private static void tokenEndpointAnswers(ResponseDefinitionBuilder response) {
        wire.stubFor(post(urlEqualTo("/oauth/token")).willReturn(response));
    }

    private static int tokenRequests() {
        return wire.findAll(postRequestedFor(urlEqualTo("/oauth/token"))).size();
    }

    private void credentialIs(Credential expected) {
        StepVerifier.create(alice.credential())
                .expectNext(expected)
                .expectComplete()
                .verify(TIMEOUT);
    }

    private void credentialFails(Consumer<Throwable> expectation) {
        StepVerifier.create(alice.credential())
                .expectErrorSatisfies(e -> {
                    expectation.accept(e);
                    assertNoSecret(e);
                })
                .verify(TIMEOUT);
    }

    @Test
    void aUserWithoutTokenMustAuthorizeAndNothingIsSent() {
        credentialFails(e -> assertThat(e)
                .isInstanceOf(ReauthorizationRequiredException.class)
                .hasMessageContaining("alice")
                .hasMessageContaining("no token is stored"));

        wire.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void exchangeAndStoreKeepsTheTokenPerUserAndTellsTheListener() {
        tokenEndpointAnswers(json(200, tokenJson(ACCESS, REFRESH, 3600)));
        AuthorizationRequest request = client.authorizationRequest();

        StepVerifier.create(client.exchangeAndStore("alice", AuthorizationCode.of(CODE), request)
                        .flatMap(AuthStrategy::credential))
                .expectNext(OLD_CREDENTIAL)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(store.tokens).containsOnlyKeys("alice");
        assertThat(listener.changes).singleElement().satisfies(change -> {
            assertThat(change.userKey()).isEqualTo("alice");
            assertThat(change.token().accessToken()).isEqualTo(ACCESS);
        });
        StepVerifier.create(client.forUser("bob").credential())
                .expectError(ReauthorizationRequiredException.class)
                .verify(TIMEOUT);
    }

    @Test
    void aFreshTokenIsUsedWithoutAnyRequest() {
        aliceHolds(Duration.ofHours(1), REFRESH);
        clock.advance(Duration.ofMinutes(58));

        credentialIs(OLD_CREDENTIAL);

        wire.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aTokenWithinTheRefreshAheadMarginIsRefreshedFirst() {
        aliceHolds(Duration.ofHours(1), REFRESH);
        tokenEndpointAnswers(json(200, tokenJson(NEW_ACCESS, NEW_REFRESH, 3600)));
        clock.advance(Duration.ofMinutes(59).plusSeconds(1));

        credentialIs(NEW_CREDENTIAL);

        wire.verify(
                1,
                postRequestedFor(urlEqualTo("/oauth/token"))
                        .withFormParam("grant_type", equalTo("refresh_token"))
                        .withFormParam("refresh_token", equalTo(REFRESH))
                        .withFormParam("client_id", equalTo(CLIENT_ID))
                        .withFormParam("client_secret", equalTo(CLIENT_SECRET)));
        OAuthToken stored = store.tokens.get("alice");
        assertThat(stored.accessToken()).isEqualTo(NEW_ACCESS);
        assertThat(stored.refreshToken()).contains(NEW_REFRESH);
        assertThat(stored.expiresAt()).contains(clock.instant().plusSeconds(3600));
        assertThat(listener.accessTokens()).containsExactly(NEW_ACCESS);
    }

    @Test
    void aRefreshWithoutNewRefreshTokenKeepsTheOldOne() {
        aliceHolds(Duration.ofHours(1), REFRESH);
        tokenEndpointAnswers(json(200, tokenJson(NEW_ACCESS, null, 3600)));
        clock.advance(Duration.ofHours(2));

        credentialIs(NEW_CREDENTIAL);

        assertThat(store.tokens.get("alice").refreshToken()).contains(REFRESH);
    }

    @Test
    void hundredConcurrentSubscribersShareOneRefreshEvenWhenTheEndpointIsSlow() {
        aliceHolds(Duration.ofHours(1), REFRESH);
        tokenEndpointAnswers(json(200, tokenJson(NEW_ACCESS, NEW_REFRESH, 3600)).withFixedDelay(1_000));
        clock.advance(Duration.ofHours(2));

        StepVerifier.create(Flux.range(0, 100)
                        .flatMap(i -> alice.credential().subscribeOn(Schedulers.parallel()), 100)
                        .collectList())
                .assertNext(credentials -> assertThat(credentials).hasSize(100).containsOnly(NEW_CREDENTIAL))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(listener.accessTokens()).containsExactly(NEW_ACCESS);
    }

    @Test
    void afterARefreshTheNextRefreshIsANewFlight() {
        aliceHolds(Duration.ofHours(1), REFRESH);
        tokenEndpointAnswers(json(200, tokenJson(NEW_ACCESS, NEW_REFRESH, 3600)));
        clock.advance(Duration.ofHours(2));
        credentialIs(NEW_CREDENTIAL);

        clock.advance(Duration.ofHours(2));
        credentialIs(NEW_CREDENTIAL);

        assertThat(tokenRequests()).isEqualTo(2);
        wire.verify(1, postRequestedFor(urlEqualTo("/oauth/token")).withFormParam("refresh_token", equalTo(REFRESH)));
        wire.verify(
                1, postRequestedFor(urlEqualTo("/oauth/token")).withFormParam("refresh_token", equalTo(NEW_REFRESH)));
    }

    @Test
    void aFailedRefreshIsRetriedABoundedNumberOfTimesThenTheStillValidTokenIsUsed() {
        aliceHolds(Duration.ofHours(1), REFRESH);
        tokenEndpointAnswers(aResponse().withStatus(503));
        clock.advance(Duration.ofMinutes(59).plusSeconds(30));

        credentialIs(OLD_CREDENTIAL);
        assertThat(tokenRequests()).isEqualTo(3); // one attempt and two retries

        credentialIs(OLD_CREDENTIAL); // the failure is not retried on every call
        assertThat(tokenRequests()).isEqualTo(3);
        assertThat(listener.changes).isEmpty();
        assertThat(store.tokens.get("alice").accessToken()).isEqualTo(ACCESS);
    }

    @Test
    void aFailedRefreshOfAnExpiredTokenIsDeliveredAndTheTokenIsKeptForLater() {
        aliceHolds(Duration.ofHours(1), REFRESH);
        tokenEndpointAnswers(aResponse().withStatus(500));
        clock.advance(Duration.ofHours(2));

        credentialFails(
                e -> assertThat(e).isInstanceOf(TokenEndpointException.class).satisfies(f -> assertThat(
                                ((TokenEndpointException) f).status())
                        .isEqualTo(500)));

        assertThat(tokenRequests()).isEqualTo(3);
        assertThat(store.tokens).containsKey("alice");
    }

    @Test
    void aRejectedRefreshTokenRemovesTheTokenAndRequiresReauthorization() {
        aliceHolds(Duration.ofHours(1), REFRESH);
        tokenEndpointAnswers(json(400, "{\"error\":\"invalid_grant\"}"));
        clock.advance(Duration.ofHours(2));

        credentialFails(e -> assertThat(e)
                .isInstanceOf(ReauthorizationRequiredException.class)
                .hasMessageContaining("invalid_grant")
                .hasCauseInstanceOf(TokenEndpointException.class));

        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(store.tokens).isEmpty();
        assertThat(listener.accessTokens()).containsExactly((String) null);
        credentialFails(e -> assertThat(e).isInstanceOf(ReauthorizationRequiredException.class));
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenWithoutRefreshTokenRequiresReauthorizationWithoutARequest() {
        aliceHolds(Duration.ofHours(1), null);
        clock.advance(Duration.ofMinutes(59).plusSeconds(30));
        credentialIs(OLD_CREDENTIAL); // nothing to refresh with: used until it expires

        clock.advance(Duration.ofMinutes(1));
        credentialFails(e -> assertThat(e)
                .isInstanceOf(ReauthorizationRequiredException.class)
                .hasMessageContaining("expired"));

        wire.verify(0, anyRequestedFor(anyUrl()));
        assertThat(store.tokens).isEmpty();
    }

    @Test
    void invalidateWithARefreshTokenAllowsOneReplayWithARefreshedToken() {
        aliceHolds(Duration.ofHours(1), REFRESH);
        tokenEndpointAnswers(json(200, tokenJson(NEW_ACCESS, NEW_REFRESH, 3600)));

        StepVerifier.create(alice.invalidate(OLD_CREDENTIAL))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);
        credentialIs(NEW_CREDENTIAL);
        credentialIs(NEW_CREDENTIAL);

        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(listener.accessTokens()).containsExactly(NEW_ACCESS);
    }

    @Test
    void hundredConcurrentInvalidationsCauseOneRefresh() {
        aliceHolds(Duration.ofHours(1), REFRESH);
        tokenEndpointAnswers(json(200, tokenJson(NEW_ACCESS, NEW_REFRESH, 3600)).withFixedDelay(500));

        StepVerifier.create(Flux.range(0, 100)
                        .flatMap(
                                i -> alice.invalidate(OLD_CREDENTIAL)
                                        .then(alice.credential())
                                        .subscribeOn(Schedulers.parallel()),
                                100)
                        .distinct())
                .expectNext(NEW_CREDENTIAL)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void invalidateWithoutARefreshTokenRemovesItAndTheNextCredentialRequiresReauthorization() {
        aliceHolds(Duration.ofHours(1), null);

        StepVerifier.create(alice.invalidate(OLD_CREDENTIAL))
                .expectNext(false)
                .expectComplete()
                .verify(TIMEOUT);
        credentialFails(e -> assertThat(e).isInstanceOf(ReauthorizationRequiredException.class));

        wire.verify(0, anyRequestedFor(anyUrl()));
        assertThat(store.tokens).isEmpty();
        assertThat(listener.accessTokens()).containsExactly((String) null);
    }

    @Test
    void invalidatingAnOlderCredentialKeepsTheNewerToken() {
        aliceHolds(Duration.ofHours(1), null);
        Credential older = Credential.header("Authorization", "Bearer older-token");

        StepVerifier.create(alice.invalidate(older))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);
        credentialIs(OLD_CREDENTIAL);

        assertThat(listener.changes).isEmpty();
    }

    @Test
    void invalidateForAUserWithoutTokenAnswersFalse() {
        StepVerifier.create(client.forUser("bob").invalidate(OLD_CREDENTIAL))
                .expectNext(false)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void usersHaveTheirOwnTokens() {
        aliceHolds(Duration.ofHours(1), null);
        store.tokens.put(
                "bob",
                OAuthToken.builder().accessToken(NEW_ACCESS).receivedAt(NOW).build());

        credentialIs(OLD_CREDENTIAL);
        StepVerifier.create(client.forUser("bob").credential())
                .expectNext(NEW_CREDENTIAL)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aThrowingListenerDoesNotBreakTheRefresh() {
        aliceHolds(Duration.ofHours(1), REFRESH);
        tokenEndpointAnswers(json(200, tokenJson(NEW_ACCESS, NEW_REFRESH, 3600)));
        clock.advance(Duration.ofHours(2));
        try (OAuth2Client throwing = client.mutate()
                .tokenListener((user, token) -> {
                    throw new IllegalStateException("listener down");
                })
                .build()) {
            StepVerifier.create(throwing.forUser("alice").credential())
                    .expectNext(NEW_CREDENTIAL)
                    .expectComplete()
                    .verify(TIMEOUT);
        }
    }

    @Test
    void noSecretInAnyToString() {
        aliceHolds(Duration.ofHours(1), REFRESH);

        for (Object printed : List.of(
                client,
                alice,
                store.tokens.get("alice"),
                OLD_CREDENTIAL,
                AuthorizationCode.of(CODE),
                client.authorizationRequest(),
                client.mutate())) {
            assertNoSecret(printed.toString());
        }
        assertThat(Arrays.asList(alice.toString(), store.tokens.get("alice").toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(ACCESS, REFRESH));
    }
}
