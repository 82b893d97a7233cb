package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.auth.AuthorizationCode;
import dk.firmafon.auth.ClientAuthentication;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.auth.TokenStore;
import dk.firmafon.core.testing.WireMockTest;
import dk.firmafon.error.FirmafonClosedException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.net.RetryPolicy;
import dk.firmafon.testsupport.TestSecrets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * An {@code OAuth2Client} from {@code FirmafonClient.oauth2Client()} sends its token requests through the API
 * client's own pipeline: its listener hears them, its timeouts and lifecycle bound them, its retry policy and
 * engine repeat refreshes, and the API credential never goes with them.
 */
class TokenRequestsOnTheApiPipelineTest extends WireMockTest {
    private static final String TOKEN_BODY =
            "{\"access_token\":\"" + TestSecrets.ACCESS_TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":7200}";

    private OAuth2Client oauth(FirmafonClient client) {
        return client.oauth2Client()
                .clientId("pipeline-client")
                .clientSecret(TestSecrets.CLIENT_SECRET)
                .redirectUri(URI.create("https://app.example/callback"))
                .build();
    }

    @Test
    void theListenerHearsTheTokenRequestAndTheApiCredentialIsNotSent() {
        server.stubFor(post(urlEqualTo(path("/token"))).willReturn(okJson(TOKEN_BODY)));
        List<String> heard = new CopyOnWriteArrayList<>();
        FirmafonClient client = client(b -> b.exchangeListener(new ExchangeListener() {
            @Override
            public void onResponse(HttpMethod method, String path, int status, int attempt, long elapsedNanos) {
                heard.add(method + " " + path + " " + status);
            }
        }));
        try (OAuth2Client oauth = oauth(client)) {
            StepVerifier.create(oauth.exchange(AuthorizationCode.of("c0de-one"), oauth.authorizationRequest()))
                    .assertNext(token -> assertThat(token.accessToken()).isEqualTo(TestSecrets.ACCESS_TOKEN))
                    .expectComplete()
                    .verify(TIMEOUT);
        }
        assertThat(heard).containsExactly("POST /api/v2/token 200");
        server.verify(postRequestedFor(urlEqualTo(path("/token")))
                .withHeader("Authorization", absent())
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("User-Agent", equalTo(FirmafonClient.userAgent()))
                .withRequestBody(containing("grant_type=authorization_code")));
    }

    @Test
    void basicClientAuthenticationTravelsAsAHeaderOnThePipeline() {
        server.stubFor(post(urlEqualTo(path("/token"))).willReturn(okJson(TOKEN_BODY)));
        FirmafonClient client = client();
        try (OAuth2Client oauth = client.oauth2Client()
                .clientId("pipeline-client")
                .clientSecret(TestSecrets.CLIENT_SECRET)
                .clientAuthentication(ClientAuthentication.CLIENT_SECRET_BASIC)
                .redirectUri(URI.create("https://app.example/callback"))
                .build()) {
            StepVerifier.create(oauth.exchange(AuthorizationCode.of("c0de-one"), oauth.authorizationRequest()))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(TIMEOUT);
        }
        server.verify(postRequestedFor(urlEqualTo(path("/token")))
                .withHeader("Authorization", containing("Basic "))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(notContaining("client_secret")));
    }

    @Test
    void theApiClientsAttemptTimeoutBoundsATokenRequest() {
        server.stubFor(
                post(urlEqualTo(path("/token"))).willReturn(okJson(TOKEN_BODY).withChunkedDribbleDelay(40, 3_000)));
        FirmafonClient client = client(b -> b.attemptTimeout(Duration.ofMillis(500)));
        try (OAuth2Client oauth = oauth(client)) {
            StepVerifier.create(oauth.exchange(AuthorizationCode.of("c0de-one"), oauth.authorizationRequest()))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOfSatisfying(FirmafonIoException.class, io -> assertThat(io.kind())
                                    .isEqualTo(FirmafonIoException.Kind.ATTEMPT_TIMEOUT)))
                    .verify(TIMEOUT);
        }
    }

    @Test
    void aClosedApiClientRefusesTokenRequestsAndSendsNothing() {
        FirmafonClient client = client();
        OAuth2Client oauth = oauth(client);
        client.close();
        StepVerifier.create(oauth.exchange(AuthorizationCode.of("c0de-one"), oauth.authorizationRequest()))
                .expectError(FirmafonClosedException.class)
                .verify(TIMEOUT);
        server.verify(0, postRequestedFor(urlEqualTo(path("/token"))));
    }

    @Test
    void aRefreshIsRepeatedByTheApiClientsRetryPolicy() {
        server.stubFor(post(urlEqualTo(path("/token"))).willReturn(aResponse().withStatus(503)));
        FirmafonClient client = client(b -> b.retryPolicy(RetryPolicy.builder()
                .maxAttempts(4)
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(2))
                .build()));
        OAuthToken expired = OAuthToken.builder()
                .accessToken("old-acc3ss")
                .refreshToken(TestSecrets.REFRESH_TOKEN)
                .expiresIn(Duration.ofSeconds(1))
                .receivedAt(Instant.now().minusSeconds(60))
                .build();
        TokenStore store = TokenStore.inMemory();
        store.save("u", expired).block(TIMEOUT);
        try (OAuth2Client oauth = client.oauth2Client()
                .clientId("pipeline-client")
                .clientSecret(TestSecrets.CLIENT_SECRET)
                .redirectUri(URI.create("https://app.example/callback"))
                .tokenStore(store)
                .build()) {
            StepVerifier.create(oauth.forUser("u").credential()).expectError().verify(TIMEOUT);
        }
        server.verify(4, postRequestedFor(urlEqualTo(path("/token"))));
    }
}
