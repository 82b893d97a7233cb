package dk.firmafon.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dk.firmafon.auth.OAuthFixtures.MutableClock;
import dk.firmafon.testsupport.CapturedLogs;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * The SDK's DEBUG lines (captured by firmafon-test-support's SLF4J provider) for a whole flow, in every
 * client-authentication mode, never contain a secret.
 */
class LogRedactionTest {
    @RegisterExtension
    static WireMockExtension wire = OAuthFixtures.wireMock();

    @Test
    void debugLinesOfExchangeRefreshAndFailuresContainNoSecret() {
        CapturedLogs.clear();
        for (ClientAuthentication mode : ClientAuthentication.values()) {
            wire.resetAll();
            runFlow(mode);
        }

        String log = String.join("\n", CapturedLogs.lines());
        assertThat(log)
                .contains(
                        "DEBUG",
                        "grant_type=authorization_code",
                        "refreshing the token of user key alice",
                        "answered 400");
        assertNoSecret(log);
    }

    private static void runFlow(ClientAuthentication mode) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
        try (OAuth2Client client = OAuth2Client.builder()
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .redirectUri(REDIRECT)
                .tokenUri(URI.create(wire.baseUrl() + "/oauth/token"))
                .clientAuthentication(mode)
                .clock(clock)
                .build()) {
            AuthorizationRequest request = client.authorizationRequest();
            URI callback = URI.create(REDIRECT + "?code=" + CODE + "&state=" + request.state());

            wire.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(json(200, tokenJson(ACCESS, REFRESH, 600))));
            StepVerifier.create(client.completeAuthorization("alice", callback, request))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(TIMEOUT);

            wire.stubFor(post(urlPathEqualTo("/oauth/token"))
                    .willReturn(json(200, tokenJson(NEW_ACCESS, NEW_REFRESH, 600))));
            clock.advance(Duration.ofMinutes(10));
            StepVerifier.create(client.forUser("alice").credential())
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(TIMEOUT);

            wire.stubFor(post(urlPathEqualTo("/oauth/token"))
                    .willReturn(aResponse()
                            .withStatus(400)
                            .withBody("{\"error\":\"invalid_grant\",\"refresh_token\":\"" + NEW_REFRESH + "\"}")));
            clock.advance(Duration.ofMinutes(10));
            StepVerifier.create(client.forUser("alice").credential())
                    .expectError()
                    .verify(TIMEOUT);
        }
    }
}
