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
 * End to end against the testkit's OAuth server and API: the browser's trip through Spring Security's
 * {@code oauth2Login()} (the app, the fake's /authorize, back to the app's callback), played with WebTestClient and
 * a plain HTTP client; then the calls streamed as the signed-in user, the observation of that listing in Actuator's
 * metrics, and a refused token removed from Spring's store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SignInAndStreamCallsTest {
    private static final int PORT = freePort();
    private static final String APP = "http://127.0.0.1:" + PORT;
    private static final String CALLBACK = APP + "/login/oauth2/code/firmafon";
    private static final FakeFirmafon FAKE =
            FakeFirmafon.builder().redirectUri(URI.create(CALLBACK)).start();
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
        registry.add("spring.security.oauth2.client.registration.firmafon.client-id", FAKE::clientId);
        registry.add("spring.security.oauth2.client.registration.firmafon.client-secret", FAKE::clientSecret);
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    /** Signs in as a browser would; answers the session cookie of the signed-in user. */
    private String signIn() throws IOException {
        EntityExchangeResult<Void> protectedPage = web.get()
                .uri("/calls/recent")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .isEmpty();
        assertThat(protectedPage.getResponseHeaders().getLocation()).hasPath("/oauth2/authorization/firmafon");
        String session = protectedPage.getResponseCookies().getFirst("SESSION").getValue();

        EntityExchangeResult<Void> toFirmafon = web.get()
                .uri("/oauth2/authorization/firmafon")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .isEmpty();
        URI authorize = toFirmafon.getResponseHeaders().getLocation();
        assertThat(authorize.toString())
                .startsWith(FAKE.authorizeUri().toString())
                .contains("state=");

        URI callback = URI.create(redirectOf(authorize));
        assertThat(callback.toString()).startsWith(CALLBACK + "?code=");
        int exchanges = FAKE.journal().count("POST", "/token");

        EntityExchangeResult<Void> signedIn = web.get()
                .uri(callback)
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .isEmpty();
        assertThat(signedIn.getResponseHeaders().getLocation().toString()).contains("/calls/recent");
        assertThat(FAKE.journal().count("POST", "/token")).isEqualTo(exchanges + 1);
        ResponseCookie renewed = signedIn.getResponseCookies().getFirst("SESSION");
        assertThat(renewed).as("the session id changes at sign-in").isNotNull();
        assertThat(renewed.getValue()).isNotEqualTo(session);
        return renewed.getValue();
    }

    @Test
    void signInWithFirmafonThenStreamTheUsersRecentCallsAndFindTheObservation() throws IOException {
        String session = signIn();

        String body = recentCalls(session, 5)
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
        }
        String sent = FAKE.journal().last().header("Authorization").orElseThrow();
        assertThat(sent).startsWith("Bearer ").isNotEqualTo("Bearer " + FAKE.accessToken());

        String metric = web.get()
                .uri("/actuator/metrics/firmafon.client.requests?tag=uri:/calls&tag=method:GET&tag=outcome:SUCCESS")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        JsonNode count = JSON.readTree(metric).path("measurements").get(0);
        assertThat(count.path("statistic").asText()).isEqualTo("COUNT");
        assertThat(count.path("value").asDouble()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aTokenFirmafonRefusesIsRemovedFromSpringsStoreAndTheUserMustSignInAgain() throws IOException {
        String session = signIn();
        recentCalls(session, 1).expectStatus().isOk();
        String token =
                FAKE.journal().last().header("Authorization").orElseThrow().substring("Bearer ".length());
        FAKE.revokeToken(token);
        long sentBefore = sentWith(token);

        // the first request after the revocation and the one after it: both ask the user to sign in again
        for (int request = 0; request < 2; request++) {
            recentCalls(session, 1)
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("sign_in_again");
        }
        assertThat(sentWith(token))
                .as("the refused token was sent once more, got its 401, and is never sent again")
                .isEqualTo(sentBefore + 1);
    }

    /** {@code GET /calls/recent?max=...} as the signed-in browser session {@code session}, asking for NDJSON. */
    private WebTestClient.ResponseSpec recentCalls(String session, int max) {
        return web.get()
                .uri("/calls/recent?max=" + max)
                .cookie("SESSION", session)
                .accept(MediaType.APPLICATION_NDJSON)
                .exchange();
    }

    private static long sentWith(String token) {
        return FAKE.journal().requests().stream()
                .filter(request -> request.header("Authorization")
                        .map(value -> value.equals("Bearer " + token))
                        .orElse(false))
                .count();
    }

    @Test
    void theCallsNeedASignedInSession() {
        web.get()
                .uri("/calls/recent")
                .accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isIn(HttpStatus.UNAUTHORIZED.value(), HttpStatus.FOUND.value()));
    }

    @Test
    void aCallbackWithAnotherStateIsRefusedAndNoCodeIsExchanged() throws IOException {
        EntityExchangeResult<Void> toFirmafon = web.get()
                .uri("/oauth2/authorization/firmafon")
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .isEmpty();
        String session = toFirmafon.getResponseCookies().getFirst("SESSION").getValue();
        String callback =
                redirectOf(toFirmafon.getResponseHeaders().getLocation()).replaceFirst("state=[^&]*", "state=forged");
        int exchangesBefore = FAKE.journal().count("POST", "/token");

        web.get()
                .uri(URI.create(callback))
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .valueMatches("Location", ".*/login\\?error.*");
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
