package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.auth.TokenStore;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.testing.WireMockTest;
import dk.firmafon.error.AuthenticationException;
import dk.firmafon.testsupport.CapturedLogs;
import dk.firmafon.testsupport.TestSecrets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class OAuthReplayTest extends WireMockTest {
    private static final String ACCESS = TestSecrets.ACCESS_TOKEN;
    private static final String NEW_ACCESS = TestSecrets.NEW_ACCESS_TOKEN;
    private static final String REFRESH = TestSecrets.REFRESH_TOKEN;
    private static final String CLIENT_SECRET = TestSecrets.CLIENT_SECRET;

    private final TokenStore store = TokenStore.inMemory();
    private OAuth2Client oauth;

    @BeforeEach
    void oauthClient() {
        oauth = OAuth2Client.builder()
                .clientId("client-id-1")
                .clientSecret(CLIENT_SECRET)
                .redirectUri(URI.create("https://app.example/oauth/callback"))
                .tokenUri(URI.create("http://localhost:" + server.port() + "/oauth/token"))
                .tokenStore(store)
                .build();
        server.stubFor(post(urlPathEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\": \"" + NEW_ACCESS
                        + "\", \"token_type\": \"Bearer\", \"expires_in\": 7200}")));
    }

    @AfterEach
    void closeOauth() {
        oauth.close();
    }

    private void aliceHolds(@Nullable String refreshToken) {
        OAuthToken.Builder token = OAuthToken.builder()
                .accessToken(ACCESS)
                .expiresIn(Duration.ofHours(1))
                .receivedAt(Instant.now());
        if (refreshToken != null) {
            token.refreshToken(refreshToken);
        }
        StepVerifier.create(store.save("alice", token.build())).expectComplete().verify(TIMEOUT);
    }

    private void apiAnswers(String token, int status) {
        server.stubFor(get(urlPathEqualTo(path("/contacts/1")))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(
                        status == 200
                                ? okJson("{\"contact\": {\"id\": 1}}")
                                : aResponse().withStatus(status)));
    }

    private int apiRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(path("/contacts/1"))))
                .size();
    }

    private int tokenRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/oauth/token"))).size();
    }

    @Test
    void status401ThenRefreshThenTheRequestIsReplayedOnceWithTheNewToken() {
        aliceHolds(REFRESH);
        apiAnswers(ACCESS, 401);
        apiAnswers(NEW_ACCESS, 200);

        StepVerifier.create(client(b -> b.auth(oauth.forUser("alice")))
                        .retrieve(ApiRequest.get("/contacts/1"), "contact", Contact.class))
                .assertNext(contact -> assertThat(contact.id()).contains(1L))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(apiRequests()).isEqualTo(2);
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(CapturedLogs.lines())
                .allSatisfy(line -> assertThat(line).doesNotContain(ACCESS, NEW_ACCESS, REFRESH, CLIENT_SECRET));
    }

    @Test
    void aSecond401AfterTheReplayIsAuthenticationExceptionAndNeverLoops() {
        aliceHolds(REFRESH);
        apiAnswers(ACCESS, 401);
        apiAnswers(NEW_ACCESS, 401);

        StepVerifier.create(client(b -> b.auth(oauth.forUser("alice")))
                        .retrieve(ApiRequest.get("/contacts/1"), "contact", Contact.class))
                .expectError(AuthenticationException.class)
                .verify(TIMEOUT);
        assertThat(apiRequests()).isEqualTo(2);
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void status401WithoutARefreshTokenIsAuthenticationExceptionAfterExactlyOneRequest() {
        aliceHolds(null);
        apiAnswers(ACCESS, 401);

        StepVerifier.create(client(b -> b.auth(oauth.forUser("alice")))
                        .retrieve(ApiRequest.get("/contacts/1"), "contact", Contact.class))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(AuthenticationException.class)
                        .hasMessageNotContaining(ACCESS))
                .verify(TIMEOUT);
        assertThat(apiRequests()).isEqualTo(1);
        assertThat(tokenRequests()).isZero();
    }
}
