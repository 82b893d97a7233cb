package dk.firmafon.contacts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.firmafon.contacts.model.ContactDraft;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.core.testing.FirmafonWireMock;
import dk.firmafon.error.NotFoundException;
import dk.firmafon.error.ServerErrorException;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ContactsClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String BEARER = "Bearer test-token";
    private static final String IDA =
            "{\"contact\": {\"id\": 311, \"number\": \"4520304050\", \"name\": \"Ida Iversen\","
                    + " \"email\": \"ida@example.org\"}}";
    private static final Contact IDA_CONTACT = Contact.builder()
            .id(311L)
            .number("4520304050")
            .name("Ida Iversen")
            .email("ida@example.org")
            .build();

    @RegisterExtension
    static final FirmafonWireMock wm = FirmafonWireMock.atApiV2();

    private FirmafonClient firmafon;
    private ContactsClient contacts;

    @BeforeEach
    void connect() {
        firmafon = wm.client();
        contacts = ContactsClient.create(firmafon);
    }

    @AfterEach
    void close() {
        firmafon.close();
    }

    @Test
    void lookupSendsTheNormalisedNumberAndReadsTheContact() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts")).willReturn(okJson(IDA)));

        StepVerifier.create(contacts.lookup("+45 20 30 40 50"))
                .expectNext(IDA_CONTACT)
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v2/contacts"))
                        .withQueryParam("number", equalTo("4520304050"))
                        .withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void lookupTakesAParsedPhoneNumber() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts")).willReturn(okJson(IDA)));

        StepVerifier.create(contacts.lookup(PhoneNumber.of("4520304050")))
                .expectNext(IDA_CONTACT)
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v2/contacts"))
                        .withQueryParam("number", equalTo("4520304050"))
                        .withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void lookupOfAnUnknownNumberIsAnError() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\": \"failure\", \"message\": \"404 Not Found\"}")));

        StepVerifier.create(contacts.lookup("4599999999"))
                .expectErrorSatisfies(error ->
                        assertThat(error).isInstanceOf(NotFoundException.class).hasMessageContaining("404"))
                .verify(TIMEOUT);
    }

    @Test
    void createPostsTheNormalisedFieldsWrappedInContact() {
        wm.stubFor(post(urlPathEqualTo("/api/v2/contacts")).willReturn(okJson(IDA)));

        ContactDraft draft = ContactDraft.builder()
                .number("+45 20 30 40 50")
                .name(" Ida Iversen ")
                .email("ida@example.org")
                .build();
        StepVerifier.create(contacts.create(draft))
                .expectNext(IDA_CONTACT)
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo("/api/v2/contacts"))
                        .withHeader("Authorization", equalTo(BEARER))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(
                                equalToJson("{\"contact\": {\"number\": \"4520304050\", \"name\": \"Ida Iversen\","
                                        + " \"email\": \"ida@example.org\"}}")));
    }

    @Test
    void createSendsOnlyTheFieldsSet() {
        wm.stubFor(post(urlPathEqualTo("/api/v2/contacts"))
                .willReturn(okJson("{\"contact\": {\"id\": 312, \"number\": \"4520304050\"}}")));

        StepVerifier.create(contacts.create(ContactDraft.builder()
                        .number(PhoneNumber.of("4520304050"))
                        .build()))
                .expectNext(Contact.builder().id(312L).number("4520304050").build())
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo("/api/v2/contacts"))
                        .withRequestBody(equalToJson("{\"contact\": {\"number\": \"4520304050\"}}")));
    }

    @Test
    void createIsNotRetriedWhenTheServiceAnswers503() {
        wm.stubFor(post(urlPathEqualTo("/api/v2/contacts"))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Service Unavailable</html>")));

        StepVerifier.create(contacts.create(
                        ContactDraft.builder().number("4520304050").build()))
                .expectError(ServerErrorException.class)
                .verify(TIMEOUT);

        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/contacts")));
    }

    @Test
    void getReadsOneContact() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts/311")).willReturn(okJson(IDA)));

        StepVerifier.create(contacts.get(311))
                .expectNext(IDA_CONTACT)
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v2/contacts/311")).withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void getContact404IsAnError() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts/404"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\": \"failure\", \"message\": \"404 Not Found\"}")));

        StepVerifier.create(contacts.get(404))
                .expectErrorSatisfies(error ->
                        assertThat(error).isInstanceOf(NotFoundException.class).hasMessageContaining("404"))
                .verify(TIMEOUT);
    }

    @Test
    void updatePutsOnlyTheFieldsSet() {
        wm.stubFor(put(urlPathEqualTo("/api/v2/contacts/311")).willReturn(okJson(IDA)));

        StepVerifier.create(contacts.update(
                        311, ContactDraft.builder().email("ida@example.org").build()))
                .expectNext(IDA_CONTACT)
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(
                1,
                putRequestedFor(urlPathEqualTo("/api/v2/contacts/311"))
                        .withHeader("Authorization", equalTo(BEARER))
                        .withRequestBody(equalToJson("{\"contact\": {\"email\": \"ida@example.org\"}}")));
    }

    @Test
    void updateSendsNullForTheFieldsToClear() {
        wm.stubFor(put(urlPathEqualTo("/api/v2/contacts/311")).willReturn(okJson(IDA)));

        StepVerifier.create(contacts.update(
                        311, ContactDraft.builder().name("Ida").clearEmail(true).build()))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(contacts.update(
                        311, ContactDraft.builder().clearName(true).build()))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(
                1,
                putRequestedFor(urlPathEqualTo("/api/v2/contacts/311"))
                        .withRequestBody(equalToJson("{\"contact\": {\"name\": \"Ida\", \"email\": null}}")));
        wm.verify(
                1,
                putRequestedFor(urlPathEqualTo("/api/v2/contacts/311"))
                        .withRequestBody(equalToJson("{\"contact\": {\"name\": null}}")));
    }

    @Test
    void aFieldBothSetAndClearedIsRefusedNamingIt() {
        assertThatThrownBy(() -> ContactDraft.builder()
                        .email("ida@example.org")
                        .clearEmail(true)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("draft sets email and clearEmail: choose one");
        assertThatThrownBy(
                        () -> ContactDraft.builder().name("Ida").clearName(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("draft sets name and clearName: choose one");
    }

    @Test
    void deleteSendsDeleteAndCompletesOnAnEmptyBody() {
        wm.stubFor(delete(urlPathEqualTo("/api/v2/contacts/311"))
                .willReturn(aResponse().withStatus(200)));

        StepVerifier.create(contacts.delete(311)).expectComplete().verify(TIMEOUT);

        wm.verify(
                1,
                deleteRequestedFor(urlPathEqualTo("/api/v2/contacts/311"))
                        .withHeader("Authorization", equalTo(BEARER)));
    }

    static Stream<Arguments> badInput() {
        ContactDraft ok = ContactDraft.builder().number("4520304050").build();
        return Stream.of(
                bad("lookup of a null text", c -> c.lookup((String) null), "number must not be null or blank"),
                bad("lookup of a null PhoneNumber", c -> c.lookup((PhoneNumber) null), "number must not be null"),
                bad("lookup of letters", c -> c.lookup("45 20 30 4O 50"), "number must contain only digits"),
                bad("lookup of too few digits", c -> c.lookup("45"), "number must have 3 to 15 digits"),
                bad("create of null", c -> c.create((ContactDraft) null), "draft must not be null"),
                bad(
                        "create without a number",
                        c -> c.create(ContactDraft.builder().name("Ida").build()),
                        "draft.number is required"),
                bad(
                        "create with a bad number",
                        c -> c.create(ContactDraft.builder().number("call me").build()),
                        "draft.number must contain only digits"),
                bad(
                        "create with a blank name",
                        c -> c.create(ContactDraft.builder()
                                .number("4520304050")
                                .name(" ")
                                .build()),
                        "draft.name must not be blank"),
                bad(
                        "create with a bad e-mail",
                        c -> c.create(ContactDraft.builder()
                                .number("4520304050")
                                .email("ida at example.org")
                                .build()),
                        "draft.email must look like"),
                bad(
                        "create that clears a field",
                        c -> c.create(ContactDraft.builder()
                                .number("4520304050")
                                .clearEmail(true)
                                .build()),
                        "draft.clearName and draft.clearEmail apply to update only"),
                bad("get of id 0", c -> c.get(0), "id must be positive"),
                bad("update of a negative id", c -> c.update(-1, ok), "id must be positive"),
                bad("update of null", c -> c.update(311, null), "draft must not be null"),
                bad(
                        "update with nothing set",
                        c -> c.update(311, ContactDraft.builder().build()),
                        "draft must set at least one of"),
                bad(
                        "update with a bad e-mail",
                        c -> c.update(311, ContactDraft.builder().email("@").build()),
                        "draft.email must look like"),
                bad("delete of id 0", c -> c.delete(0), "id must be positive"));
    }

    private static Arguments bad(String description, Function<ContactsClient, Mono<?>> call, String message) {
        return Arguments.of(description, call, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputFailsNamingTheArgumentAndSendsNothing(
            String description, Function<ContactsClient, Mono<?>> call, String message) {
        StepVerifier.create(call.apply(contacts))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith(message))
                .verify(TIMEOUT);

        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
