package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.auth.TokenStore;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.testing.RecordingScheduler;
import dk.firmafon.core.testing.WireMockTest;
import dk.firmafon.error.AuthenticationException;
import dk.firmafon.error.FirmafonApiException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.error.RateLimitedException;
import dk.firmafon.error.ServerErrorException;
import dk.firmafon.net.RetryPolicy;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

class RetryTest extends WireMockTest {
    private static final String CONTACT = "{\"contact\": {\"id\": 1, \"name\": \"Pia\"}}";

    private void stubSequence(String url, int firstStatus, String firstRetryAfter) {
        server.stubFor(get(urlPathEqualTo(path(url)))
                .inScenario("retry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(firstStatus).withHeader("Retry-After", firstRetryAfter))
                .willSetStateTo("second"));
        server.stubFor(get(urlPathEqualTo(path(url)))
                .inScenario("retry")
                .whenScenarioStateIs("second")
                .willReturn(okJson(CONTACT)));
    }

    @Test
    void getIsRetriedAfter503ThenSucceeds() {
        server.stubFor(get(urlPathEqualTo(path("/contacts/1")))
                .inScenario("retry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("second"));
        server.stubFor(get(urlPathEqualTo(path("/contacts/1")))
                .inScenario("retry")
                .whenScenarioStateIs("second")
                .willReturn(okJson(CONTACT)));

        StepVerifier.create(client().retrieve(ApiRequest.get("/contacts/1"), "contact", Contact.class))
                .assertNext(contact -> assertThat(contact.name()).contains("Pia"))
                .expectComplete()
                .verify(TIMEOUT);
        server.verify(2, getRequestedFor(urlPathEqualTo(path("/contacts/1"))));
    }

    @ParameterizedTest(name = "{0} -> {1} attempts")
    @CsvSource({
        "408, 3", "429, 3", "500, 3", "502, 3", "503, 3", "504, 3", "400, 1", "403, 1", "404, 1", "409, 1", "422, 1",
        "501, 1"
    })
    void aGetIsRetriedOnlyAfterAStatusThatMayAnswerDifferentlyNextTime(int status, int attempts) {
        server.stubFor(
                get(urlPathEqualTo(path("/contacts/1"))).willReturn(aResponse().withStatus(status)));

        StepVerifier.create(client().execute(ApiRequest.get("/contacts/1")))
                .expectErrorSatisfies(e -> assertThat((FirmafonApiException) e)
                        .returns(status, FirmafonApiException::status)
                        .returns(attempts, FirmafonApiException::attempts))
                .verify(TIMEOUT);
        server.verify(attempts, getRequestedFor(urlPathEqualTo(path("/contacts/1"))));
    }

    @Test
    void postIsNotRetriedAfter503() {
        server.stubFor(post(urlPathEqualTo(path("/employees/1/message")))
                .willReturn(aResponse().withStatus(503)));

        StepVerifier.create(
                        client().execute(ApiRequest.post("/employees/1/message").withBody("{}")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(ServerErrorException.class)
                        .satisfies(s -> assertThat(((ServerErrorException) s).attempts())
                                .isEqualTo(1)))
                .verify(TIMEOUT);
        server.verify(1, postRequestedFor(urlPathEqualTo(path("/employees/1/message"))));
    }

    @Test
    void postMarkedIdempotentIsRetriedAfter503() {
        server.stubFor(post(urlPathEqualTo(path("/switch/dial")))
                .willReturn(aResponse().withStatus(503)));

        StepVerifier.create(client().execute(ApiRequest.post("/switch/dial").withIdempotent(true)))
                .expectError(ServerErrorException.class)
                .verify(TIMEOUT);
        server.verify(3, postRequestedFor(urlPathEqualTo(path("/switch/dial"))));
    }

    @Test
    void attemptsAreCappedAndTheCountIsOnTheFinalError() {
        server.stubFor(
                get(urlPathEqualTo(path("/contacts/1"))).willReturn(aResponse().withStatus(502)));

        StepVerifier.create(client(b -> b.retryPolicy(fastRetries(4)))
                        .retrieve(ApiRequest.get("/contacts/1"), "contact", Contact.class))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ServerErrorException.class).hasMessageEndingWith("(after 4 attempts)");
                    assertThat(((ServerErrorException) e).attempts()).isEqualTo(4);
                })
                .verify(TIMEOUT);
        server.verify(4, getRequestedFor(urlPathEqualTo(path("/contacts/1"))));
    }

    @Test
    void status429WithRetryAfterOneSecondWaitsAtLeastOneSecond() {
        stubSequence("/contacts/1", 429, "1");
        RecordingScheduler scheduler = new RecordingScheduler();
        RetryPolicy policy = fastRetries(3).toBuilder().scheduler(scheduler).build();

        StepVerifier.create(client(b -> b.retryPolicy(policy))
                        .retrieve(ApiRequest.get("/contacts/1"), "contact", Contact.class))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(scheduler.delays()).hasSize(1);
        assertThat(scheduler.delays().get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredAgainstTheClock() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        String in30Seconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(now.plusSeconds(30), ZoneOffset.UTC));
        stubSequence("/contacts/1", 503, in30Seconds);
        RecordingScheduler scheduler = new RecordingScheduler();
        RetryPolicy policy = fastRetries(3).toBuilder()
                .scheduler(scheduler)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();

        StepVerifier.create(client(b -> b.retryPolicy(policy))
                        .retrieve(ApiRequest.get("/contacts/1"), "contact", Contact.class))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterBeyondTheCapIsNotWaitedFor() {
        server.stubFor(get(urlPathEqualTo(path("/contacts/1")))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        RetryPolicy policy =
                fastRetries(3).toBuilder().maxRetryAfter(Duration.ofSeconds(60)).build();

        StepVerifier.create(client(b -> b.retryPolicy(policy))
                        .retrieve(ApiRequest.get("/contacts/1"), "contact", Contact.class))
                .expectErrorSatisfies(
                        e -> assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofHours(1)))
                .verify(TIMEOUT);
        server.verify(1, getRequestedFor(urlPathEqualTo(path("/contacts/1"))));
    }

    @Test
    void backoffGrowsExponentiallyUpToTheCap() {
        server.stubFor(
                get(urlPathEqualTo(path("/contacts/1"))).willReturn(aResponse().withStatus(500)));
        RecordingScheduler scheduler = new RecordingScheduler();
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(5)
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(300))
                .jitter(0)
                .scheduler(scheduler)
                .build();

        StepVerifier.create(client(b -> b.retryPolicy(policy)).execute(ApiRequest.get("/contacts/1")))
                .expectError(ServerErrorException.class)
                .verify(TIMEOUT);
        assertThat(scheduler.delays())
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300));
    }

    @Test
    void status401IsNeverRetried() {
        server.stubFor(
                get(urlPathEqualTo(path("/contacts/1"))).willReturn(aResponse().withStatus(401)));

        StepVerifier.create(client().execute(ApiRequest.get("/contacts/1")))
                .expectError(AuthenticationException.class)
                .verify(TIMEOUT);
        server.verify(1, getRequestedFor(urlPathEqualTo(path("/contacts/1"))));
    }

    @Test
    void postIsNotRetriedAfterAResetOnceTheRequestWasSent() {
        server.stubFor(post(urlPathEqualTo(path("/employees/1/message")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        StepVerifier.create(
                        client().execute(ApiRequest.post("/employees/1/message").withBody("{}")))
                .expectError(FirmafonIoException.class)
                .verify(TIMEOUT);
        server.verify(1, postRequestedFor(urlPathEqualTo(path("/employees/1/message"))));
    }

    @Test
    void postIsRetriedWhenTheConnectionWasRefusedBeforeAnythingWasSent() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AtomicReference<WireMockServer> late = new AtomicReference<>();
        RecordingScheduler startServerBeforeRetry = new RecordingScheduler(() -> {
            WireMockServer started = new WireMockServer(options().port(port));
            started.start();
            started.stubFor(post(urlPathEqualTo("/api/v2/employees/1/message")).willReturn(okJson("{\"sent\": true}")));
            late.set(started);
        });
        RetryPolicy policy =
                fastRetries(2).toBuilder().scheduler(startServerBeforeRetry).build();
        FirmafonClient client = client(b ->
                b.baseUri(URI.create("http://localhost:" + port + "/api/v2")).retryPolicy(policy));

        try {
            StepVerifier.create(client.retrieveJson(
                            ApiRequest.post("/employees/1/message").withBody("{}")))
                    .assertNext(json -> assertThat(json.get("sent").asBoolean()).isTrue())
                    .expectComplete()
                    .verify(TIMEOUT);
            late.get().verify(1, postRequestedFor(urlPathEqualTo("/api/v2/employees/1/message")));
            assertThat(startServerBeforeRetry.delays()).hasSize(1);
        } finally {
            if (late.get() != null) {
                late.get().stop();
            }
        }
    }

    @Test
    void eachRetryAppliesTheCredentialAgain() {
        server.stubFor(
                get(urlPathEqualTo(path("/contacts/1"))).willReturn(aResponse().withStatus(503)));

        StepVerifier.create(
                        client(b -> b.auth(AuthStrategy.queryParameter(TOKEN))).execute(ApiRequest.get("/contacts/1")))
                .expectError(ServerErrorException.class)
                .verify(TIMEOUT);
        server.verify(
                3,
                getRequestedFor(urlPathEqualTo(path("/contacts/1")))
                        .withQueryParam(
                                "access_token", com.github.tomakehurst.wiremock.client.WireMock.equalTo(TOKEN)));
    }

    @Test
    void eachAttemptAsksTheStrategyForItsCredentialAgain() {
        server.stubFor(get(urlPathEqualTo(path("/contacts/1")))
                .withHeader("Authorization", equalTo("Bearer first-token"))
                .willReturn(aResponse().withStatus(503)));
        server.stubFor(get(urlPathEqualTo(path("/contacts/1")))
                .withHeader("Authorization", equalTo("Bearer second-token"))
                .willReturn(okJson(CONTACT)));
        TokenStore store = TokenStore.inMemory();
        store.save("alice", token("first-token")).subscribe(); // the in-memory store saves synchronously
        RecordingScheduler tokenChangesBeforeTheRetry = new RecordingScheduler(
                () -> store.save("alice", token("second-token")).subscribe());
        try (OAuth2Client oauth = OAuth2Client.builder()
                .clientId("client-id-1")
                .clientSecret("client-secret-1")
                .redirectUri(URI.create("https://app.example/callback"))
                .tokenStore(store)
                .build()) {
            FirmafonClient client = client(b -> b.auth(oauth.forUser("alice"))
                    .retryPolicy(fastRetries(3).toBuilder()
                            .scheduler(tokenChangesBeforeTheRetry)
                            .build()));

            StepVerifier.create(client.retrieve(ApiRequest.get("/contacts/1"), "contact", Contact.class))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(TIMEOUT);
        }
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(path("/contacts/1")))
                        .withHeader("Authorization", equalTo("Bearer first-token")));
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(path("/contacts/1")))
                        .withHeader("Authorization", equalTo("Bearer second-token")));
    }

    private static OAuthToken token(String accessToken) {
        return OAuthToken.builder()
                .accessToken(accessToken)
                .receivedAt(Instant.now())
                .build();
    }
}
