package dk.firmafon.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dk.firmafon.auth.OAuthFixtures.ACCESS;
import static dk.firmafon.auth.OAuthFixtures.CLIENT_ID;
import static dk.firmafon.auth.OAuthFixtures.CLIENT_SECRET;
import static dk.firmafon.auth.OAuthFixtures.NEW_ACCESS;
import static dk.firmafon.auth.OAuthFixtures.NEW_REFRESH;
import static dk.firmafon.auth.OAuthFixtures.REDIRECT;
import static dk.firmafon.auth.OAuthFixtures.REFRESH;
import static dk.firmafon.auth.OAuthFixtures.tokenJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dk.firmafon.net.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Two OAuth clients (two token managers, as on two instances) sharing one store, against a token endpoint that
 * rotates refresh tokens (a refresh token works once): the instance that loses the refresh race uses the winner's
 * token; nobody is signed out; a newer token is never overwritten or deleted.
 */
class SharedTokenStoreTest {
    @RegisterExtension
    static WireMockExtension wire = OAuthFixtures.wireMock();

    private final TokenStore shared = TokenStore.inMemory();
    private final List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final OAuth2Client first = client();
    private final OAuth2Client second = client();

    private OAuth2Client client() {
        return OAuth2Client.builder()
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .redirectUri(REDIRECT)
                .tokenUri(URI.create(wire.baseUrl() + "/oauth/token"))
                .tokenStore(shared)
                .tokenListener((userKey, token) -> changes.add(token == null ? "removed" : token.accessToken()))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    /** The refresh token REFRESH works once: then it is invalid_grant (a rotating token server). */
    private static void rotatingTokenEndpoint(Duration answerAfter) {
        wire.resetScenarios();
        // anything else (a refresh token already used, whatever the scenario's state) is refused
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
                .willReturn(
                        okJson(tokenJson(NEW_ACCESS, NEW_REFRESH, 7200)).withFixedDelay((int) answerAfter.toMillis()))
                .willSetStateTo("rotated"));
        wire.stubFor(post(urlEqualTo("/oauth/token"))
                .inScenario("rotation")
                .whenScenarioStateIs("rotated")
                .withRequestBody(containing("refresh_token=" + REFRESH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\"}")));
    }

    private void expiredTokenStored() {
        shared.save(
                        "alice",
                        OAuthToken.builder()
                                .accessToken(ACCESS)
                                .refreshToken(REFRESH)
                                .expiresIn(Duration.ofSeconds(60))
                                .receivedAt(Instant.now().minusSeconds(3600))
                                .build())
                .block();
    }

    @Test
    void theInstanceThatLosesTheRefreshRaceUsesTheWinnersTokenAndNobodyIsSignedOut() {
        rotatingTokenEndpoint(Duration.ofMillis(300));
        expiredTokenStored();

        // 1,000 requests across the two instances, all needing the one expired token at once
        Set<String> credentials = ConcurrentHashMap.newKeySet();
        Flux.range(0, 1_000)
                .flatMap(
                        i -> (i % 2 == 0 ? first : second)
                                .forUser("alice")
                                .credential()
                                .subscribeOn(Schedulers.parallel()),
                        1_000)
                .doOnNext(credential -> credentials.add(credential.value()))
                .blockLast(Duration.ofSeconds(30));

        assertThat(credentials).containsExactly("Bearer " + NEW_ACCESS);
        assertThat(shared.load("alice").block().accessToken()).isEqualTo(NEW_ACCESS);
        // one refresh per instance at most (single-flight within each), and one of them succeeded
        assertThat(wire.findAll(postRequestedFor(urlEqualTo("/oauth/token")))).hasSizeBetween(1, 2);
        assertThat(changes).containsExactly(NEW_ACCESS).doesNotContain("removed");
    }

    @Test
    void anInstanceWhoseRefreshTokenWasUsedElsewhereWaitsForTheStoreInsteadOfSigningOut() {
        rotatingTokenEndpoint(Duration.ZERO);
        expiredTokenStored();
        // the other instance has already refreshed (its rotation used REFRESH) but is slow to store its token
        wire.setScenarioState("rotation", "rotated");
        OAuthToken winners = OAuthToken.builder()
                .accessToken(NEW_ACCESS)
                .refreshToken(NEW_REFRESH)
                .expiresIn(Duration.ofHours(2))
                .receivedAt(Instant.now())
                .build();
        OAuthToken stale = shared.load("alice").block();
        reactor.core.publisher.Mono.delay(Duration.ofMillis(500))
                .then(shared.replace("alice", stale, winners))
                .subscribe();

        Credential credential = first.forUser("alice").credential().block(Duration.ofSeconds(10));

        assertThat(credential.value()).isEqualTo("Bearer " + NEW_ACCESS);
        assertThat(shared.load("alice").block()).isEqualTo(winners);
        assertThat(changes).doesNotContain("removed");
    }

    @Test
    void aRefreshTokenRejectedWithNoNewerTokenAnywhereSignsTheUserOut() {
        rotatingTokenEndpoint(Duration.ZERO);
        expiredTokenStored();
        wire.setScenarioState("rotation", "rotated");

        Throwable error = first.forUser("alice")
                .credential()
                .map(c -> (Throwable) null)
                .onErrorResume(e -> reactor.core.publisher.Mono.just(e))
                .block(Duration.ofSeconds(10));

        assertThat(error).isInstanceOf(dk.firmafon.error.ReauthorizationRequiredException.class);
        assertThat(shared.load("alice").blockOptional()).isEmpty();
        assertThat(changes).containsExactly("removed");
    }

    @Test
    void compareAndSetReplacesOnlyTheExpectedToken() {
        OAuthToken a = OAuthToken.builder()
                .accessToken("a-t0ken")
                .receivedAt(Instant.now())
                .build();
        OAuthToken b = OAuthToken.builder()
                .accessToken("b-t0ken")
                .receivedAt(Instant.now())
                .build();
        assertThat(shared.replace("bob", null, a).block()).isTrue();
        assertThat(shared.replace("bob", null, b).block()).isFalse();
        assertThat(shared.replace("bob", b, a).block()).isFalse();
        assertThat(shared.replace("bob", a, b).block()).isTrue();
        assertThat(shared.replace("bob", a, null).block()).isFalse();
        assertThat(shared.replace("bob", b, null).block()).isTrue();
        assertThat(shared.load("bob").blockOptional()).isEmpty();
    }
}
