package dk.firmafon.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dk.firmafon.auth.OAuthFixtures.ACCESS;
import static dk.firmafon.auth.OAuthFixtures.CLIENT_ID;
import static dk.firmafon.auth.OAuthFixtures.CLIENT_SECRET;
import static dk.firmafon.auth.OAuthFixtures.CODE;
import static dk.firmafon.auth.OAuthFixtures.REDIRECT;
import static dk.firmafon.auth.OAuthFixtures.REFRESH;
import static dk.firmafon.auth.OAuthFixtures.TIMEOUT;
import static dk.firmafon.auth.OAuthFixtures.assertNoSecret;
import static dk.firmafon.auth.OAuthFixtures.tokenJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dk.firmafon.error.AuthorizationErrorException;
import dk.firmafon.error.OAuthCallbackException;
import dk.firmafon.error.StateMismatchException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

class CallbackTest {
    @RegisterExtension
    static WireMockExtension wire = OAuthFixtures.wireMock();

    private final OAuth2Client client = OAuth2Client.builder()
            .clientId(CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .redirectUri(REDIRECT)
            .tokenUri(URI.create(wire.baseUrl() + "/oauth/token"))
            .build();
    private final AuthorizationRequest request = client.authorizationRequest();

    @AfterEach
    void close() {
        client.close();
    }

    private static URI callback(String query) {
        return URI.create(REDIRECT + "?" + query);
    }

    @Test
    void callbackWithTheRightStateGivesTheCode() {
        AuthorizationCode code =
                client.authorizationCode(callback("code=" + CODE + "&state=" + request.state()), request);

        assertThat(code.value()).isEqualTo(CODE);
        assertThat(code.toString()).doesNotContain(CODE);
        assertThat(code).isEqualTo(AuthorizationCode.of(CODE));
    }

    @Test
    void aCallbackToAnotherSchemeHostPortOrPathIsRefusedWithoutExchangingAnything() {
        String query = "?code=" + CODE + "&state=" + request.state();
        for (String other : new String[] {
            "https://evil.example/other/path",
            "http://app.example/oauth/callback",
            "https://app.example:8443/oauth/callback",
            "https://app.example/oauth/callback/../evil",
            "https://app.example/oauth/other"
        }) {
            assertThatExceptionOfType(OAuthCallbackException.class)
                    .isThrownBy(() -> client.authorizationCode(URI.create(other + query), request))
                    .withMessageContaining("is not the registered redirectUri https://app.example:443/oauth/callback")
                    .satisfies(e -> assertNoSecret(e));
        }
        StepVerifier.create(client.completeAuthorization(
                        "mallory", URI.create("https://evil.example/other/path" + query), request))
                .expectError(OAuthCallbackException.class)
                .verify(TIMEOUT);
        wire.verify(0, anyRequestedFor(anyUrl()));
        // the refused callbacks did not use the request up: the real one still completes it
        assertThat(client.authorizationCode(URI.create("HTTPS://APP.EXAMPLE:443/oauth/callback" + query), request)
                        .value())
                .isEqualTo(CODE);
    }

    @Test
    void anAuthorizationRequestCompletesOnceOnly() {
        wire.stubFor(post(urlEqualTo("/oauth/token"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(tokenJson(ACCESS, REFRESH, 3600))));
        URI callback = callback("code=" + CODE + "&state=" + request.state());

        StepVerifier.create(client.completeAuthorization("alice", callback, request))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(client.completeAuthorization("bob", callback, request))
                .expectErrorSatisfies(e ->
                        assertThat(e).isInstanceOf(OAuthCallbackException.class).hasMessageContaining("single-use"))
                .verify(TIMEOUT);
        wire.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    @Test
    void callbackParametersFromAWebFrameworkGiveTheCode() {
        assertThat(client.authorizationCode(Map.of("code", CODE, "state", request.state()), request)
                        .value())
                .isEqualTo(CODE);
    }

    @Test
    void callbackWithoutStateIsAStateMismatch() {
        assertThatExceptionOfType(StateMismatchException.class)
                .isThrownBy(() -> client.authorizationCode(callback("code=" + CODE), request))
                .satisfies(e -> assertThat(e.isStateMissing()).isTrue())
                .withMessageStartingWith("state mismatch: the callback has no state")
                .satisfies(OAuthFixtures::assertNoSecret);
    }

    @Test
    void callbackWithAnotherStateIsAStateMismatch() {
        assertThatExceptionOfType(StateMismatchException.class)
                .isThrownBy(() -> client.authorizationCode(callback("code=" + CODE + "&state=forged"), request))
                .satisfies(e -> assertThat(e.isStateMissing()).isFalse())
                .withMessageStartingWith("state mismatch:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("forged", request.state()))
                .satisfies(OAuthFixtures::assertNoSecret);
    }

    @Test
    void stateCheckCanBeTurnedOffForServersThatDoNotEchoIt() {
        try (OAuth2Client lenient = client.mutate().verifyState(false).build()) {
            assertThat(lenient.authorizationCode(callback("code=" + CODE), request)
                            .value())
                    .isEqualTo(CODE);
        }
    }

    @Test
    void accessDeniedBecomesATypedErrorWithItsDescription() {
        URI denied = callback("error=access_denied&error_description=The+user+said+no&state=" + request.state());

        assertThatExceptionOfType(AuthorizationErrorException.class)
                .isThrownBy(() -> client.authorizationCode(denied, request))
                .satisfies(e -> {
                    assertThat(e.error()).isEqualTo("access_denied");
                    assertThat(e.errorDescription()).contains("The user said no");
                    assertThat(e.isAccessDenied()).isTrue();
                    assertThat(e.getMessage()).contains("access_denied", "The user said no");
                });
    }

    @Test
    void otherAuthorizationErrorsAreReportedEvenWithoutState() {
        assertThatExceptionOfType(AuthorizationErrorException.class)
                .isThrownBy(() ->
                        client.authorizationCode(callback("error=invalid_scope&error_uri=https%3A%2F%2Fx"), request))
                .satisfies(e -> {
                    assertThat(e.error()).isEqualTo("invalid_scope");
                    assertThat(e.errorDescription()).isEmpty();
                    assertThat(e.errorUri()).contains("https://x");
                    assertThat(e.isAccessDenied()).isFalse();
                });
    }

    @Test
    void anErrorDescriptionCannotInjectLogLines() {
        assertThatExceptionOfType(AuthorizationErrorException.class)
                .isThrownBy(() ->
                        client.authorizationCode(callback("error=server_error&error_description=a%0AFAKE"), request))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void callbackWithoutCodeOrErrorIsRejected() {
        assertThatExceptionOfType(OAuthCallbackException.class)
                .isThrownBy(() -> client.authorizationCode(callback("state=" + request.state()), request))
                .withMessage("the callback carries neither a code nor an error");
    }

    @Test
    void callbackRepeatingAParameterIsRejected() {
        assertThatExceptionOfType(OAuthCallbackException.class)
                .isThrownBy(() -> client.authorizationCode(
                        callback("code=" + CODE + "&code=other&state=" + request.state()), request))
                .withMessage("the callback repeats the parameter code")
                .satisfies(OAuthFixtures::assertNoSecret);
    }

    @Test
    void malformedCodeIsRejectedWithoutEchoingIt() {
        assertThatExceptionOfType(OAuthCallbackException.class)
                .isThrownBy(() ->
                        client.authorizationCode(callback("code=" + CODE + "%20x&state=" + request.state()), request))
                .satisfies(OAuthFixtures::assertNoSecret);
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.authorizationCode((URI) null, request))
                .withMessage("callbackUri must not be null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.authorizationCode(callback("code=x"), null))
                .withMessage("request must not be null");
    }

    @Test
    void completeAuthorizationDeliversCallbackErrorsInTheStreamAndSendsNothing() {
        StepVerifier.create(client.completeAuthorization("alice", callback("code=" + CODE + "&state=x"), request))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(StateMismatchException.class);
                    assertNoSecret(e);
                })
                .verify(TIMEOUT);

        wire.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void completeAuthorizationExchangesAndStoresTheToken() {
        wire.stubFor(post(urlEqualTo("/oauth/token"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(tokenJson(ACCESS, REFRESH, 7200))));

        StepVerifier.create(client.completeAuthorization(
                                "alice", callback("code=" + CODE + "&state=" + request.state()), request)
                        .flatMap(AuthStrategy::credential))
                .expectNext(Credential.header("Authorization", "Bearer " + ACCESS))
                .expectComplete()
                .verify(TIMEOUT);

        wire.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    }
}
