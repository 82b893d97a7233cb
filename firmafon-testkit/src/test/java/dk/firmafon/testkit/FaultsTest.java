package dk.firmafon.testkit;

import static dk.firmafon.testkit.Http.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsTest {

    @RegisterExtension
    static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension();

    private static final String CONTACT = "{\"contact\":{\"number\":\"4512345678\"}}";

    /**
     * A POST: the JDK client silently retries an idempotent request once when the connection fails, which would hide the
     * fault from the test (the fake did break the first attempt, as its journal shows).
     */
    private static HttpResponse<String> postContact(FakeFirmafon fake) throws IOException, InterruptedException {
        return Http.CLIENT.send(
                Http.authorized(fake, "/contacts")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(CONTACT))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tooManyRequestsWithRetryAfterSecondsThenNormal(FakeFirmafon fake) {
        fake.faults().tooManyRequests("GET", "/calls", 2, Duration.ofSeconds(3));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> limited = get(fake, "/calls");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
        }
        assertThat(get(fake, "/calls").statusCode()).isEqualTo(200);
    }

    @Test
    void tooManyRequestsWithRetryAfterHttpDate(FakeFirmafon fake) {
        Instant at = Instant.parse("2030-01-01T12:00:00Z");
        fake.faults().tooManyRequests("GET", "/employee", 1, at);
        String retryAfter =
                get(fake, "/employee").headers().firstValue("Retry-After").orElseThrow();
        assertThat(ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant())
                .isEqualTo(at);
    }

    @Test
    void serverErrorHasAnHtmlBodyAndMatchesOnlyItsPath(FakeFirmafon fake) {
        fake.faults().serverError("GET", "/calls/*", 1, 502);
        assertThat(get(fake, "/calls").statusCode()).isEqualTo(200);
        HttpResponse<String> error = get(fake, "/calls/anything");
        assertThat(error.statusCode()).isEqualTo(502);
        assertThat(error.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(error.body()).contains("<h1>502 Bad Gateway</h1>");
        assertThat(get(fake, "/calls/anything").statusCode()).isEqualTo(404);
    }

    @Test
    void faultMatchesOnlyItsMethod(FakeFirmafon fake) {
        fake.faults().serverError("POST", "/employee", 1, 500);
        assertThat(get(fake, "/employee").statusCode()).isEqualTo(200);
    }

    @Test
    void connectionResetThenNormal(FakeFirmafon fake) {
        fake.faults().connectionReset("POST", "/contacts", 1);
        assertThatThrownBy(() -> postContact(fake)).isInstanceOf(IOException.class);
        assertThat(Http.json(fake, "POST", "/contacts", CONTACT).statusCode()).isEqualTo(200);
    }

    @Test
    void emptyResponse(FakeFirmafon fake) {
        fake.faults().emptyResponse("*", "/contacts.json", 1);
        assertThatThrownBy(() -> postContact(fake)).isInstanceOf(IOException.class);
        assertThat(Http.json(fake, "POST", "/contacts", CONTACT).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedChunk(FakeFirmafon fake) {
        fake.faults().malformedChunk("POST", "/api/v2/contacts", 1);
        assertThatThrownBy(() -> postContact(fake)).isInstanceOf(IOException.class);
        assertThat(Http.json(fake, "POST", "/contacts", CONTACT).statusCode()).isEqualTo(200);
    }

    @Test
    void randomDataThenClose(FakeFirmafon fake) {
        fake.faults().randomDataThenClose("POST", "/contacts", 1);
        assertThatThrownBy(() -> postContact(fake)).isInstanceOf(IOException.class);
        assertThat(Http.json(fake, "POST", "/contacts", CONTACT).statusCode()).isEqualTo(200);
    }

    @Test
    void delayHoldsTheAnswerBack(FakeFirmafon fake) {
        fake.faults().delay("GET", "/employee", Duration.ofSeconds(2));
        assertThatThrownBy(() -> Http.CLIENT.send(
                        Http.authorized(fake, "/employee")
                                .timeout(Duration.ofMillis(200))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void globalDelayHoldsEveryAnswerBackUntilCleared(FakeFirmafon fake) {
        fake.faults().delay(Duration.ofSeconds(2));
        assertThatThrownBy(() -> Http.CLIENT.send(
                        Http.authorized(fake, "/receptions")
                                .timeout(Duration.ofMillis(200))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        fake.faults().clear();
        assertThat(get(fake, "/receptions").statusCode()).isEqualTo(200);
    }

    @Test
    void slowBodySendsTheHeadAtOnceAndTheWholeBodyLater(FakeFirmafon fake) throws Exception {
        fake.faults().slowBody("GET", "/employee", Duration.ofSeconds(1));
        HttpResponse<InputStream> head = Http.CLIENT.send(
                Http.authorized(fake, "/employee")
                        .timeout(Duration.ofMillis(500))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(head.statusCode()).isEqualTo(200);
        try (InputStream body = head.body()) {
            assertThat(Http.MAPPER.readTree(body).at("/employee/id").asLong())
                    .isEqualTo(FakeFirmafon.CURRENT_EMPLOYEE_ID);
        }
        fake.faults().clear();
        assertThat(get(fake, "/employee").statusCode()).isEqualTo(200);
    }

    @Test
    void faultArgumentsAreChecked(FakeFirmafon fake) {
        assertThatThrownBy(() -> fake.faults().serverError("GET", "/calls", 1, 404))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.faults().connectionReset("GET", "/calls", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
