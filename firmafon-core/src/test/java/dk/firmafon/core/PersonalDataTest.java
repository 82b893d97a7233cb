package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.model.Contact;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.core.testing.WireMockTest;
import dk.firmafon.error.FirmafonApiException;
import dk.firmafon.foundation.internal.Redaction;
import dk.firmafon.testsupport.CapturedLogs;
import dk.firmafon.testsupport.TestPersonalData;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Personal data stays out of what the SDK writes on its own (#33): a lookup by a canary number that fails with a body
 * echoing the number, a name and an e-mail address. The exception's message and details, every SDK log line at every
 * level and every library's DEBUG line (Reactor Netty logs request URIs) show the number only down to its last two
 * digits; the suite's guard checks all of them for the canaries after the class. On the old code the number stood in
 * the exception's URI and in Reactor Netty's request line.
 */
class PersonalDataTest extends WireMockTest {
    private static final String ECHO = "{\"error\":\"no contact with number " + TestPersonalData.NUMBER + "\","
            + "\"contact\":{\"name\":\"" + TestPersonalData.NAME + "\",\"email\":\"" + TestPersonalData.EMAIL
            + "\",\"number\":\"" + TestPersonalData.NUMBER + "\"}}";

    @Test
    void aFailedLookupByNumberShowsNoneOfThePersonalDataItCarried() {
        server.stubFor(get(urlPathEqualTo(path("/contacts")))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ECHO)));
        CapturedLogs.clear();

        StepVerifier.create(client().retrieve(
                                ApiRequest.get("/contacts")
                                        .withQuery("number", PhoneNumber.of(TestPersonalData.NUMBER)),
                                "contact",
                                Contact.class))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(FirmafonApiException.class);
                    FirmafonApiException api = (FirmafonApiException) error;
                    String everything =
                            error + " " + api.uri() + " " + api.bodyExcerpt().orElse("") + " "
                                    + api.serviceMessage().orElse("");
                    assertThat(everything)
                            .doesNotContain(TestPersonalData.NUMBER)
                            .doesNotContain(TestPersonalData.NUMBER.substring(2))
                            .doesNotContain(TestPersonalData.NAME)
                            .doesNotContain(TestPersonalData.EMAIL)
                            .contains("number=********42"); // what a reader needs: the field and the last digits
                })
                .verify(TIMEOUT);

        // the number reached the server (the wire is complete), though no library saw it in the URI
        server.verify(getRequestedFor(urlPathEqualTo(path("/contacts")))
                .withQueryParam("number", equalTo(TestPersonalData.NUMBER)));
        assertThat(CapturedLogs.lines()).noneMatch(line -> line.contains(TestPersonalData.NUMBER.substring(2)));
    }

    @Test
    void theMaskingKeepsWhatAReaderNeeds() {
        assertThat(Redaction.personal("GET /contacts?number=%2B4571990042&limit=1"))
                .isEqualTo("GET /contacts?number=********42&limit=1");
        assertThat(Redaction.personal("call from +45 71 99 00 42 at 2026-12-06T10:00:00Z"))
                .isEqualTo("call from ********42 at 2026-12-06T10:00:00Z");
        assertThat(Redaction.personal("{\"name\":\"Caroline\",\"email\":\"c@example.net\",\"id\":12}"))
                .isEqualTo("{\"name\":\"[PERSONAL]\",\"email\":\"[PERSONAL]\",\"id\":12}");
        assertThat(Redaction.personal("write to caroline.canary@example.net"))
                .isEqualTo("write to [PERSONAL]@example.net");
        assertThat(Redaction.personal("/calls/e92e63c0-c9f0-0133-2b9f-08002797862c and 2026-11-01"))
                .as("uuids, dates and short ids are no phone numbers")
                .isEqualTo("/calls/e92e63c0-c9f0-0133-2b9f-08002797862c and 2026-11-01");
    }
}
