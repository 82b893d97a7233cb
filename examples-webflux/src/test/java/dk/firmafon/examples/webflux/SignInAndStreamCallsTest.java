package dk.firmafon.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.testkit.FakeFirmafon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * End to end against the testkit: the browser's trip (app /login, the fake's /authorize, back to the app's
 * callback) played with WebTestClient and a plain HTTP client, then the streamed calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SignInAndStreamCallsTest {
    private static final int PORT = freePort();
    private static final String APP = "http://127.0.0.1:" + PORT;
    private static final FakeFirmafon FAKE = FakeFirmafon.builder()
            .redirectUri(URI.create(APP + "/login/callback"))
            .start();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebTestClient web = WebTestClient.bindToServer()
            .baseUrl(APP)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    private final HttpClient browser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void firmafon(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("firmafon.base-uri", () -> FAKE.baseUri().toString());
        registry.add("firmafon.client-id", FAKE::clientId);
        registry.add("firmafon.client-secret", FAKE::clientSecret);
        registry.add("firmafon.redirect-uri", () -> APP + "/login/callback");
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @Test
    void signInWithFirmafonThenStreamTheUsersRecentCallsAsNdjson() throws IOException {
        EntityExchangeResult<Void> login = web.get()
                .uri("/login")
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .isEmpty();
        URI authorize = login.getResponseHeaders().getLocation();
        assertThat(authorize.toString())
                .startsWith(FAKE.authorizeUri().toString())
                .contains("state=");
        ResponseCookie session = login.getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();

        URI callback = URI.create(redirectOf(authorize));
        assertThat(callback.toString()).startsWith(APP + "/login/callback?code=");

        EntityExchangeResult<Void> signedIn = web.get()
                .uri(callback)
                .cookie("SESSION", session.getValue())
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/calls/recent")
                .expectBody()
                .isEmpty();
        ResponseCookie renewed = signedIn.getResponseCookies().getFirst("SESSION");
        assertThat(renewed).as("the session id changes at sign-in").isNotNull();
        assertThat(renewed.getValue()).isNotEqualTo(session.getValue());

        String body = web.get()
                .uri("/calls/recent?max=5")
                .cookie("SESSION", renewed.getValue())
                .accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        List<String> lines = body.lines().toList();
        assertThat(lines).hasSize(5);
        for (String line : lines) {
            JsonNode call = JSON.readTree(line);
            assertThat(call.has("call_uuid")).as(line).isTrue();
            assertThat(call.has("started_at")).as(line).isTrue();
        }
        String sent = FAKE.journal().last().header("Authorization").orElseThrow();
        assertThat(sent).startsWith("Bearer ").isNotEqualTo("Bearer " + FAKE.accessToken());
    }

    @Test
    void theCallsNeedASignedInSession() {
        web.get()
                .uri("/calls/recent")
                .accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aCallbackWithAnotherStateIsRefusedAndNoCodeIsExchanged() throws IOException {
        EntityExchangeResult<Void> login = web.get()
                .uri("/login")
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .isEmpty();
        ResponseCookie session = login.getResponseCookies().getFirst("SESSION");
        String callback =
                redirectOf(login.getResponseHeaders().getLocation()).replaceFirst("state=[^&]*", "state=forged");
        int exchangesBefore = FAKE.journal().count("POST", "/token");

        web.get()
                .uri(URI.create(callback))
                .cookie("SESSION", session.getValue())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("sign_in_failed");
        assertThat(FAKE.journal().count("POST", "/token")).isEqualTo(exchangesBefore);
    }

    /** What a browser does at the fake's /authorize: follow its 302 (the fake grants at once). */
    private String redirectOf(URI authorize) throws IOException {
        try {
            HttpResponse<String> response =
                    browser.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
            return response.headers().firstValue("Location").orElseThrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
