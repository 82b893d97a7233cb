package dk.firmafon.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dk.firmafon.auth.internal.CredentialQuery;
import dk.firmafon.auth.internal.FormUrlEncoding;
import dk.firmafon.testsupport.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

/** The three static strategies as the server sees them, applied by a minimal Reactor Netty request. */
class StaticAuthOnTheWireTest {
    private static final String TOKEN = TestSecrets.STATIC_TOKEN;

    @RegisterExtension
    static WireMockExtension wire = OAuthFixtures.wireMock();

    @BeforeEach
    void answerEverything() {
        wire.stubFor(any(urlPathEqualTo("/api/v2/me")).willReturn(aResponse().withStatus(200)));
    }

    /** What firmafon-core does with a credential, reduced to one GET. */
    private Mono<Integer> get(AuthStrategy auth) {
        return auth.credential().flatMap(credential -> {
            String uri = wire.baseUrl() + "/api/v2/me";
            HttpClient http = HttpClient.create();
            if (credential.placement() == Credential.Placement.QUERY_PARAMETER) {
                // as core does it: the URI Reactor Netty sees (and logs) has no credential; the connection adds it
                String pair =
                        FormUrlEncoding.encode(credential.name()) + "=" + FormUrlEncoding.encode(credential.value());
                http = http.doOnRequest((request, connection) -> CredentialQuery.apply(connection, pair));
            } else {
                http = http.headers(headers -> headers.set(credential.name(), credential.value()));
            }
            return http.get()
                    .uri(uri)
                    .responseSingle(
                            (response, body) -> Mono.just(response.status().code()));
        });
    }

    @Test
    void bearerSendsTheTokenInTheAuthorizationHeader() {
        StepVerifier.create(get(AuthStrategy.bearer(TOKEN)))
                .expectNext(200)
                .expectComplete()
                .verify(OAuthFixtures.TIMEOUT);

        wire.verify(getRequestedFor(urlPathEqualTo("/api/v2/me"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("access_token", absent()));
    }

    @Test
    void queryParameterSendsTheTokenAsAccessTokenAndNoHeader() {
        StepVerifier.create(get(AuthStrategy.queryParameter(TOKEN)))
                .expectNext(200)
                .expectComplete()
                .verify(OAuthFixtures.TIMEOUT);

        wire.verify(getRequestedFor(urlPathEqualTo("/api/v2/me"))
                .withQueryParam("access_token", equalTo(TOKEN))
                .withHeader("Authorization", absent()));
    }

    @Test
    void basicSendsTheTokenAsUserNameWithAnEmptyPassword() {
        StepVerifier.create(get(AuthStrategy.basic(TOKEN)))
                .expectNext(200)
                .expectComplete()
                .verify(OAuthFixtures.TIMEOUT);

        String expected = Base64.getEncoder().encodeToString((TOKEN + ":").getBytes(StandardCharsets.UTF_8));
        wire.verify(getRequestedFor(urlPathEqualTo("/api/v2/me"))
                .withHeader("Authorization", equalTo("Basic " + expected))
                .withQueryParam("access_token", absent()));
        assertThat(new String(Base64.getDecoder().decode(expected), StandardCharsets.UTF_8))
                .isEqualTo(TOKEN + ":");
    }

    @Test
    void staticTokensCannotBeReplacedAfterA401() {
        Credential rejected = Credential.header("Authorization", "Bearer " + TOKEN);

        for (AuthStrategy auth : new AuthStrategy[] {
            AuthStrategy.bearer(TOKEN), AuthStrategy.queryParameter(TOKEN), AuthStrategy.basic(TOKEN)
        }) {
            StepVerifier.create(auth.invalidate(rejected))
                    .expectNext(false)
                    .expectComplete()
                    .verify(OAuthFixtures.TIMEOUT);
        }
    }
}
