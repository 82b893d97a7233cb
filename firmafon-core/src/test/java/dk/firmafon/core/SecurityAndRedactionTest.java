package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.testing.WireMockTest;
import dk.firmafon.error.FirmafonException;
import dk.firmafon.testsupport.CapturedLogs;
import dk.firmafon.testsupport.Secrets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class SecurityAndRedactionTest extends WireMockTest {
    private static final String CODE = Secrets.register(Secrets.Kind.AUTHORIZATION_CODE, "auth-code-1");
    private static final String CLIENT_SECRET = Secrets.register(Secrets.Kind.CLIENT_SECRET, "client-secret-1");
    private static final String BASIC =
            Base64.getEncoder().encodeToString((TOKEN + ":").getBytes(StandardCharsets.UTF_8));

    static Stream<Arguments> authForms() {
        return Stream.of(
                Arguments.of("bearer", AuthStrategy.bearer(TOKEN)),
                Arguments.of("query parameter", AuthStrategy.queryParameter(TOKEN)),
                Arguments.of("basic", AuthStrategy.basic(TOKEN)));
    }

    @Test
    void eachAuthFormPutsTheTokenWhereTheApiExpectsIt() {
        server.stubFor(get(urlPathEqualTo(path("/employee"))).willReturn(okJson("{\"employee\": {}}")));

        StepVerifier.create(client(b -> b.auth(AuthStrategy.bearer(TOKEN))).execute(ApiRequest.get("/employee")))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(
                        client(b -> b.auth(AuthStrategy.queryParameter(TOKEN))).execute(ApiRequest.get("/employee")))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(client(b -> b.auth(AuthStrategy.basic(TOKEN))).execute(ApiRequest.get("/employee")))
                .expectComplete()
                .verify(TIMEOUT);

        server.verify(getRequestedFor(urlPathEqualTo(path("/employee")))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        server.verify(
                getRequestedFor(urlPathEqualTo(path("/employee"))).withQueryParam("access_token", equalTo(TOKEN)));
        server.verify(getRequestedFor(urlPathEqualTo(path("/employee")))
                .withHeader("Authorization", equalTo("Basic " + BASIC)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authForms")
    void noTokenAppearsInAnyLogLineOrExceptionMessage(String form, AuthStrategy auth) {
        server.stubFor(get(urlPathEqualTo(path("/calls/404")))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\": \"failure\", \"message\": \"Not found\"}")));
        server.stubFor(get(urlPathEqualTo(path("/calls/echo")))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("access_token=" + TOKEN + "&x=1 Authorization: Bearer " + TOKEN)));
        server.stubFor(get(urlPathEqualTo(path("/calls/json-echo")))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"access_token\": \"" + TOKEN + "\", \"refresh_token\": \"" + TOKEN + "\"}")));
        server.stubFor(get(urlPathEqualTo(path("/calls/reset")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(
                get(urlPathEqualTo(path("/calls/retry"))).willReturn(aResponse().withStatus(503)));
        FirmafonClient client = client(b -> b.auth(auth));
        List<String> messages = new ArrayList<>();

        for (String path : List.of("/calls/404", "/calls/echo", "/calls/json-echo", "/calls/reset", "/calls/retry")) {
            StepVerifier.create(client.retrieveJson(
                            ApiRequest.get(path).withQuery("code", CODE).withQuery("client_secret", CLIENT_SECRET)))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(FirmafonException.class);
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            messages.add(String.valueOf(t.getMessage()));
                        }
                        messages.add(e.toString());
                    })
                    .verify(TIMEOUT);
        }

        List<String> everything = new ArrayList<>(messages);
        everything.addAll(CapturedLogs.lines());
        assertThat(CapturedLogs.lines()).anySatisfy(line -> assertThat(line).startsWith("DEBUG --> GET"));
        assertThat(everything).allSatisfy(text -> assertThat(text).doesNotContain(TOKEN, BASIC, CODE, CLIENT_SECRET));
        if (form.equals("query parameter")) {
            assertThat(messages).anySatisfy(m -> assertThat(m).contains("access_token=[REDACTED]"));
        }
    }

    @Test
    void aRedirectIsNotFollowedSoCredentialsNeverLeaveTheApiHost() {
        String elsewhere = "http://127.0.0.1:" + server.port() + "/elsewhere";
        server.stubFor(get(urlPathEqualTo(path("/moved")))
                .willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere + "?access_token=" + TOKEN)));
        server.stubFor(get(urlPathEqualTo("/elsewhere")).willReturn(okJson("{}")));

        StepVerifier.create(
                        client(b -> b.auth(AuthStrategy.queryParameter(TOKEN))).retrieveJson(ApiRequest.get("/moved")))
                .expectErrorSatisfies(e -> assertThat((dk.firmafon.error.FirmafonApiException) e)
                        .hasMessageStartingWith("GET " + baseUri() + "/moved?access_token=[REDACTED] -> 302")
                        .satisfies(api -> assertThat(api.headers().get("location"))
                                .containsExactly(elsewhere + "?access_token=[REDACTED]")))
                .verify(TIMEOUT);
        server.verify(0, getRequestedFor(urlPathEqualTo("/elsewhere")));
    }

    @Test
    void plainHttpToAHostThatIsNotLoopbackIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> FirmafonClient.builder()
                        .baseUri(URI.create("http://app.firmafon.dk/api/v2"))
                        .auth(AuthStrategy.bearer(TOKEN))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseUri: refusing to send credentials over plain http to app.firmafon.dk: use https, or "
                        + "allowInsecureHttp(true) if you really mean it");
    }

    @Test
    void plainHttpToAnotherHostIsAllowedOnlyWhenAskedForExplicitly() {
        FirmafonClient client = FirmafonClient.builder()
                .baseUri(URI.create("http://proxy.internal/api/v2"))
                .auth(AuthStrategy.bearer(TOKEN))
                .allowInsecureHttp(true)
                .build();
        client.close();
        assertThat(client.baseUri()).hasHost("proxy.internal");
    }

    @Test
    void anAbsolutePlainHttpUrlOnTheApiHostIsRefusedWhenTheApiIsHttps() {
        FirmafonClient client =
                FirmafonClient.builder().auth(AuthStrategy.bearer(TOKEN)).build();
        try {
            StepVerifier.create(client.download(ApiRequest.get("http://app.firmafon.dk/api/v1/voice_mails/1.mp3")))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(dk.firmafon.error.FirmafonSecurityException.class)
                            .hasMessageContaining("plain http to app.firmafon.dk"))
                    .verify(TIMEOUT);
        } finally {
            client.close();
        }
    }
}
