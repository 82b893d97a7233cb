package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.model.Contact;
import dk.firmafon.core.testing.WireMockTest;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class JsonExchangeTest extends WireMockTest {

    /** A listed call, as a resource module would model it (snake_case on the wire). */
    record CallSummary(
            String callUuid, OffsetDateTime startedAt, Optional<OffsetDateTime> endedAt, Contact toContact) {}

    private static String fixture(String name) {
        return dk.firmafon.testsupport.Fixtures.text(name);
    }

    @Test
    void retrieveReadsTheObjectUnderTheEnvelopeKey() {
        server.stubFor(get(urlPathEqualTo(path("/contacts")))
                .willReturn(okJson(
                        "{\"meta\": {\"x\": [1, {\"y\": 2}]}, \"contact\": {\"id\": 90, \"number\": \"4531415926\", "
                                + "\"name\": \"Pia Poulsen\", \"email\": null, \"new_field\": [1]}}")));

        StepVerifier.create(client().retrieve(
                                ApiRequest.get("/contacts").withQuery("number", "4531415926"),
                                "contact",
                                Contact.class))
                .assertNext(contact -> {
                    assertThat(contact.id()).contains(90L);
                    assertThat(contact.name()).contains("Pia Poulsen");
                    assertThat(contact.email()).isEmpty();
                })
                .expectComplete()
                .verify(TIMEOUT);
        server.verify(getRequestedFor(urlPathEqualTo(path("/contacts")))
                .withQueryParam("number", equalTo("4531415926"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo(FirmafonClient.userAgent()))
                .withoutHeader("Content-Type")
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void retrieveListReadsTheArrayUnderTheEnvelopeKeyIgnoringUnknownFields() throws Exception {
        server.stubFor(get(urlPathEqualTo(path("/calls"))).willReturn(okJson(fixture("calls.json"))));

        StepVerifier.create(client().retrieveList(ApiRequest.get("/calls"), "calls", CallSummary.class))
                .assertNext(calls -> {
                    assertThat(calls)
                            .extracting(CallSummary::callUuid)
                            .containsExactly(
                                    "a0000000-0000-4000-8000-000000000003",
                                    "a0000000-0000-4000-8000-000000000002",
                                    "a0000000-0000-4000-8000-000000000001");
                    assertThat(calls.get(1).startedAt()).isEqualTo(OffsetDateTime.parse("2025-06-02T09:30:00+02:00"));
                    assertThat(calls.get(2).endedAt()).isEmpty();
                    assertThat(calls.get(0).toContact().name()).contains("Pia Poulsen");
                })
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void queryValuesAndPathSegmentsArePercentEncoded() {
        server.stubFor(get(urlPathEqualTo(path("/calls/a%2Fb%20c"))).willReturn(okJson("{\"calls\": []}")));

        StepVerifier.create(client().retrieveList(
                                ApiRequest.get("/calls/" + ApiRequest.pathSegment("a/b c"))
                                        .withQuery("endpoint", "Reception#1")
                                        .withQuery("number", null),
                                "calls",
                                CallSummary.class))
                .expectNext(java.util.List.of())
                .expectComplete()
                .verify(TIMEOUT);
        server.verify(getRequestedFor(urlPathEqualTo(path("/calls/a%2Fb%20c")))
                .withQueryParam("endpoint", equalTo("Reception#1")));
        assertThat(server.getAllServeEvents().get(0).getRequest().getUrl()).endsWith("?endpoint=Reception%231");
    }

    @Test
    void aJsonBodyIsSentAsSnakeCaseWithContentTypeJson() {
        server.stubFor(put(urlPathEqualTo(path("/contacts/90"))).willReturn(okJson("{\"contact\": {\"id\": 90}}")));
        Contact update = Contact.builder().name("Pia").number("4531415926").build();

        StepVerifier.create(client().retrieve(
                                ApiRequest.put("/contacts/90").withBody(Map.of("contact", update)),
                                "contact",
                                Contact.class))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);
        server.verify(putRequestedFor(urlPathEqualTo(path("/contacts/90")))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo(FirmafonClient.userAgent()))
                .withRequestBody(equalToJson("{\"contact\": {\"name\": \"Pia\", \"number\": \"4531415926\"}}")));
    }

    @Test
    void retrieveJsonCompletesEmptyForAnEmptyBody() {
        server.stubFor(get(urlPathEqualTo(path("/call_nodes/1/cancel_transfer")))
                .willReturn(aResponse().withStatus(200)));

        StepVerifier.create(client().retrieveJson(ApiRequest.get("/call_nodes/1/cancel_transfer")))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void retrieveJsonReturnsTheWholeBody() {
        server.stubFor(get(urlPathEqualTo(path("/switch/dial"))).willReturn(okJson("{\"ok\": true}")));

        StepVerifier.create(client().retrieveJson(ApiRequest.get("/switch/dial")))
                .assertNext(json -> assertThat(json.get("ok").asBoolean()).isTrue())
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void executeDiscardsTheBody() {
        server.stubFor(get(urlPathEqualTo(path("/contacts/1"))).willReturn(okJson("{\"whatever\": 1}")));

        StepVerifier.create(client().execute(ApiRequest.get("/contacts/1")))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aNullEnvelopeObjectIsADecodingErrorAndANullListIsEmpty() {
        server.stubFor(get(urlPathEqualTo(path("/contacts/1"))).willReturn(okJson("{\"contact\": null}")));
        server.stubFor(get(urlPathEqualTo(path("/calls"))).willReturn(okJson("{\"calls\": null}")));

        StepVerifier.create(client().retrieve(ApiRequest.get("/contacts/1"), "contact", Contact.class))
                .expectError(dk.firmafon.error.FirmafonDecodingException.class)
                .verify(TIMEOUT);
        StepVerifier.create(client().retrieveList(ApiRequest.get("/calls"), "calls", CallSummary.class))
                .expectNext(java.util.List.of())
                .expectComplete()
                .verify(TIMEOUT);
    }
}
