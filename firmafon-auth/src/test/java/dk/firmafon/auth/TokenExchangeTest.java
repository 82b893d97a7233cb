package dk.firmafon.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dk.firmafon.auth.OAuthFixtures.ACCESS;
import static dk.firmafon.auth.OAuthFixtures.CLIENT_ID;
import static dk.firmafon.auth.OAuthFixtures.CLIENT_SECRET;
import static dk.firmafon.auth.OAuthFixtures.CODE;
import static dk.firmafon.auth.OAuthFixtures.REDIRECT;
import static dk.firmafon.auth.OAuthFixtures.REFRESH;
import static dk.firmafon.auth.OAuthFixtures.TIMEOUT;
import static dk.firmafon.auth.OAuthFixtures.assertNoSecret;
import static dk.firmafon.auth.OAuthFixtures.json;
import static dk.firmafon.auth.OAuthFixtures.tokenJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dk.firmafon.auth.OAuthFixtures.MutableClock;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.error.TokenEndpointException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

class TokenExchangeTest {
    /** The bound of every wait in this test. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    @RegisterExtension
    static WireMockExtension wire = OAuthFixtures.wireMock();

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final OAuth2Client client = OAuth2Client.builder()
            .clientId(CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .redirectUri(REDIRECT)
            .tokenUri(URI.create(wire.baseUrl() + "/oauth/token"))
            .clock(clock)
            .build();
    private final AuthorizationRequest request = client.authorizationRequest();
    private final AuthorizationCode code = AuthorizationCode.of(CODE);

    @AfterEach
    void close() {
        client.close();
    }

    private static void tokenEndpointAnswers(ResponseDefinitionBuilder response) {
        wire.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(response));
    }

    private static LoggedRequest onlyTokenRequest() {
        List<LoggedRequest> requests = wire.findAll(postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private void exchangeFails(Consumer<Throwable> expectation) {
        StepVerifier.create(client.exchange(code, request))
                .expectErrorSatisfies(e -> {
                    expectation.accept(e);
                    assertNoSecret(e);
                })
                .verify(TIMEOUT);
    }

    @Test
    void exchangePostsAFormBodyWithClientSecretPostAndReadsEveryTokenField() {
        tokenEndpointAnswers(json(200, tokenJson(ACCESS, REFRESH, 7200)));

        StepVerifier.create(client.exchange(code, request))
                .assertNext(token -> {
                    assertThat(token.accessToken()).isEqualTo(ACCESS);
                    assertThat(token.tokenType()).contains("Bearer");
                    assertThat(token.expiresIn()).contains(Duration.ofSeconds(7200));
                    assertThat(token.refreshToken()).contains(REFRESH);
                    assertThat(token.scope()).contains("public");
                    assertThat(token.createdAt()).contains(Instant.ofEpochSecond(1700000000));
                    assertThat(token.receivedAt()).isEqualTo(NOW);
                    assertThat(token.expiresAt()).contains(NOW.plusSeconds(7200));
                    assertThat(token.toString()).contains("[REDACTED]").doesNotContain(ACCESS, REFRESH);
                })
                .expectComplete()
                .verify(TIMEOUT);

        wire.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withHeader("Authorization", absent())
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo(CODE))
                .withFormParam("redirect_uri", equalTo(REDIRECT.toString()))
                .withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("client_secret", equalTo(CLIENT_SECRET))
                .withFormParam("code_verifier", equalTo(request.codeVerifier().orElseThrow())));
    }

    @Test
    void onlyAccessTokenIsRequired() {
        tokenEndpointAnswers(json(200, "{\"access_token\":\"" + ACCESS + "\",\"unknown\":[1]}"));

        StepVerifier.create(client.exchange(code, request))
                .assertNext(token -> {
                    assertThat(token.accessToken()).isEqualTo(ACCESS);
                    assertThat(token.tokenType()).isEmpty();
                    assertThat(token.expiresIn()).isEmpty();
                    assertThat(token.expiresAt()).isEmpty();
                    assertThat(token.refreshToken()).isEmpty();
                    assertThat(token.isExpiredAt(Instant.MAX)).isFalse();
                })
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void clientSecretBasicSendsTheCredentialsInTheAuthorizationHeaderOnly() {
        tokenEndpointAnswers(json(200, tokenJson(ACCESS, null, 60)));
        try (OAuth2Client basic = client.mutate()
                .clientAuthentication(ClientAuthentication.CLIENT_SECRET_BASIC)
                .build()) {
            StepVerifier.create(basic.exchange(code, request))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(TIMEOUT);
        }

        String expected =
                Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        wire.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Authorization", equalTo("Basic " + expected))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo(CODE))
                .withRequestBody(notContaining("client_secret"))
                .withRequestBody(notContaining("client_id")));
    }

    @Test
    void queryParametersModeSendsEveryParameterInTheQueryStringOfAnEmptyPost() {
        tokenEndpointAnswers(json(200, tokenJson(ACCESS, null, 60)));
        try (OAuth2Client query = client.mutate()
                .clientAuthentication(ClientAuthentication.QUERY_PARAMETERS)
                .build()) {
            StepVerifier.create(query.exchange(code, request))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(TIMEOUT);
        }

        wire.verify(postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withQueryParam("grant_type", equalTo("authorization_code"))
                .withQueryParam("code", equalTo(CODE))
                .withQueryParam("redirect_uri", equalTo(REDIRECT.toString()))
                .withQueryParam("client_id", equalTo(CLIENT_ID))
                .withQueryParam("client_secret", equalTo(CLIENT_SECRET))
                .withQueryParam("code_verifier", equalTo(request.codeVerifier().orElseThrow()))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", absent()));
        assertThat(onlyTokenRequest().getBodyAsString()).isEmpty();
    }

    @Test
    void withoutPkceNoVerifierIsSent() {
        tokenEndpointAnswers(json(200, tokenJson(ACCESS, null, 60)));
        try (OAuth2Client plain = client.mutate().pkce(false).build()) {
            StepVerifier.create(plain.exchange(code, plain.authorizationRequest()))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(TIMEOUT);
        }

        wire.verify(postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(notContaining("code_verifier")));
    }

    @Test
    void invalidGrantBecomesATypedErrorWithStatusErrorAndDescription() {
        tokenEndpointAnswers(json(
                400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is invalid\"}"));

        exchangeFails(e -> {
            assertThat(e).isInstanceOf(TokenEndpointException.class);
            TokenEndpointException failure = (TokenEndpointException) e;
            assertThat(failure.status()).isEqualTo(400);
            assertThat(failure.error()).contains("invalid_grant");
            assertThat(failure.isInvalidGrant()).isTrue();
            assertThat(failure.errorDescription()).contains("The provided authorization grant is invalid");
            assertThat(failure.bodyExcerpt()).isEmpty();
            assertThat(failure.getMessage()).contains("400", "invalid_grant", "/oauth/token");
        });
    }

    @Test
    void invalidClientWith401BecomesATypedError() {
        tokenEndpointAnswers(json(401, "{\"error\":\"invalid_client\"}"));

        exchangeFails(e -> {
            TokenEndpointException failure = (TokenEndpointException) e;
            assertThat(failure.status()).isEqualTo(401);
            assertThat(failure.error()).contains("invalid_client");
            assertThat(failure.errorDescription()).isEmpty();
        });
    }

    @Test
    void anEmptyErrorBodyBecomesATypedErrorWithTheStatus() {
        tokenEndpointAnswers(aResponse().withStatus(502));

        exchangeFails(e -> {
            TokenEndpointException failure = (TokenEndpointException) e;
            assertThat(failure.status()).isEqualTo(502);
            assertThat(failure.error()).isEmpty();
            assertThat(failure.isServerError()).isTrue();
            assertThat(failure.getMessage()).contains("502", "empty body");
        });
    }

    @Test
    void aNonJsonBodyBecomesATypedErrorWithARedactedExcerpt() {
        tokenEndpointAnswers(aResponse()
                .withStatus(503)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Service Unavailable client_secret=" + CLIENT_SECRET + "</body></html>"));

        exchangeFails(e -> {
            TokenEndpointException failure = (TokenEndpointException) e;
            assertThat(failure.status()).isEqualTo(503);
            assertThat(failure.error()).isEmpty();
            assertThat(failure.bodyExcerpt()).hasValueSatisfying(excerpt -> assertThat(excerpt)
                    .contains("Service Unavailable", "[REDACTED]")
                    .doesNotContain(CLIENT_SECRET));
            assertThat(failure.getMessage()).contains("503", "Service Unavailable");
        });
    }

    @Test
    void aSuccessWithoutAccessTokenIsATypedErrorThatHidesTheOtherSecrets() {
        tokenEndpointAnswers(json(200, "{\"refresh_token\":\"" + REFRESH + "\",\"token_type\":\"Bearer\"}"));

        exchangeFails(e -> {
            TokenEndpointException failure = (TokenEndpointException) e;
            assertThat(failure.status()).isEqualTo(200);
            assertThat(failure.getMessage())
                    .contains("no access_token", "never printed")
                    .doesNotContain("Bearer");
            assertThat(failure.bodyExcerpt()).isEmpty();
        });
    }

    @Test
    void aSuccessThatIsNotJsonIsATypedError() {
        tokenEndpointAnswers(aResponse().withStatus(200).withBody("access_token=" + ACCESS + "&token_type=bearer"));

        // a 2xx body is never printed, not even in part: it may hold a token under any name
        exchangeFails(e -> {
            assertThat(((TokenEndpointException) e).bodyExcerpt()).isEmpty();
            assertThat(e)
                    .hasMessageContaining("a body that is not a JSON object")
                    .hasMessageNotContaining("token_type");
        });
    }

    @Test
    void aMalformedAccessTokenIsATypedError() {
        tokenEndpointAnswers(json(200, "{\"access_token\":\"has a space\"}"));

        exchangeFails(e -> assertThat(e)
                .isInstanceOf(TokenEndpointException.class)
                .hasMessageContaining("an access_token that is empty or holds characters a header cannot carry"));
    }

    @Test
    void theCodeExchangeIsNeverRetried() {
        tokenEndpointAnswers(aResponse().withStatus(500));

        exchangeFails(e -> assertThat(((TokenEndpointException) e).status()).isEqualTo(500));

        wire.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void aRefusedConnectionIsAnIoErrorNamingTheEndpoint() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (OAuth2Client unreachable = client.mutate()
                .tokenUri(URI.create("http://127.0.0.1:" + closedPort + "/oauth/token"))
                .build()) {
            StepVerifier.create(unreachable.exchange(code, request))
                    .expectErrorSatisfies(e -> {
                        assertThat(e)
                                .isInstanceOf(FirmafonIoException.class)
                                .hasMessageStartingWith("POST http://127.0.0.1:" + closedPort + "/oauth/token failed");
                        assertNoSecret(e);
                    })
                    .verify(TIMEOUT);
        }
    }

    @Test
    void aSlowTokenEndpointIsAnIoErrorAfterTheResponseTimeout() {
        tokenEndpointAnswers(json(200, tokenJson(ACCESS, null, 60)).withFixedDelay(5_000));
        try (OAuth2Client impatient =
                client.mutate().responseTimeout(Duration.ofMillis(300)).build()) {
            StepVerifier.create(impatient.exchange(code, request))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(FirmafonIoException.class).hasMessageContaining("/oauth/token");
                        assertNoSecret(e);
                    })
                    .verify(TIMEOUT);
        }
    }

    @Test
    void timeoutsOfWeeksOrCenturiesBuildAndWork() {
        tokenEndpointAnswers(json(200, tokenJson(ACCESS, null, 60)));
        // 30 days of connect timeout is more milliseconds than Netty's int holds; Long.MAX_VALUE seconds has no
        // millisecond value at all: both count as a year
        try (OAuth2Client patient = client.mutate()
                .connectTimeout(Duration.ofDays(30))
                .responseTimeout(Duration.ofSeconds(Long.MAX_VALUE))
                .build()) {
            StepVerifier.create(patient.exchange(code, request))
                    .assertNext(token -> assertThat(token.accessToken()).isEqualTo(ACCESS))
                    .expectComplete()
                    .verify(WAIT);
        }
    }

    @Test
    void nullArgumentsAreErrorsInTheStreamAndNothingIsSent() {
        StepVerifier.create(client.exchange(null, request))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("code must not be null"))
                .verify(TIMEOUT);
        StepVerifier.create(client.exchangeAndStore(" ", code, request))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("userKey must not be blank"))
                .verify(TIMEOUT);

        wire.verify(0, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }
}
