package dk.firmafon.contacts;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.core.testing.FirmafonWireMock;
import dk.firmafon.error.PagingException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** {@code GET /contacts} as the current reference documents it: a list, an ascending inclusive id cursor. */
class ContactsListingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The reference's sample payload. */
    private static final String REFERENCE_SAMPLE =
            "{ \"contacts\": [ { \"id\": 1, \"name\": \"Relatel A/S\", \"number\":"
                    + " \"4571999999\", \"number_formatted\": \"71 99 99 99\", \"email\": \"kundeservice@relatel.dk\" } ] }";

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

    private static String page(long... ids) {
        StringJoiner json = new StringJoiner(",", "{\"contacts\": [", "]}");
        for (long id : ids) {
            json.add("{\"id\": " + id + ", \"number\": \"45" + (20000000 + id) + "\", \"name\": \"C" + id + "\"}");
        }
        return json.toString();
    }

    @Test
    void theReferencesSamplePayloadDecodesWithNumberFormatted() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts")).willReturn(okJson(REFERENCE_SAMPLE)));

        StepVerifier.create(contacts.list(ContactQuery.all()))
                .assertNext(contact -> assertThat(contact)
                        .isEqualTo(Contact.builder()
                                .id(1L)
                                .name("Relatel A/S")
                                .number("4571999999")
                                .numberFormatted("71 99 99 99")
                                .email("kundeservice@relatel.dk")
                                .build()))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void listingDeliversEveryContactExactlyOnceAcrossPagesOfTheServicesDefaultSizeWithHolesInIds() {
        long[] first = {3, 4, 6, 7, 8, 10, 11, 12, 15, 16};
        long[] second = {17, 20, 21, 22, 23, 25, 26, 27, 28, 29};
        long[] third = {33, 34};
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts"))
                .withQueryParam("id_gt_or_eq", absent())
                .withQueryParam("limit", absent())
                .willReturn(okJson(page(first))));
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts"))
                .withQueryParam("id_gt_or_eq", equalTo("17"))
                .willReturn(okJson(page(second))));
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts"))
                .withQueryParam("id_gt_or_eq", equalTo("30"))
                .willReturn(okJson(page(third))));
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts"))
                .withQueryParam("id_gt_or_eq", equalTo("35"))
                .willReturn(okJson(page())));

        StepVerifier.create(contacts.list(ContactQuery.all())
                        .map(contact -> contact.id().orElseThrow()))
                .expectNextSequence(LongStream.concat(
                                LongStream.concat(LongStream.of(first), LongStream.of(second)), LongStream.of(third))
                        .boxed()
                        .toList())
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(4, getRequestedFor(urlPathEqualTo("/api/v2/contacts")).withQueryParam("limit", absent()));
    }

    @Test
    void nothingIsRequestedBeforeSubscriptionAndThenOnePageAheadAtMost() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts"))
                .withQueryParam("id_gt_or_eq", absent())
                .willReturn(okJson(page(1, 2))));
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts"))
                .withQueryParam("id_gt_or_eq", equalTo("3"))
                .willReturn(okJson(page(3, 4))));
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts"))
                .withQueryParam("id_gt_or_eq", equalTo("5"))
                .willReturn(okJson(page(5))));

        var listing = contacts.list(ContactQuery.builder().limit(2).build());
        wm.verify(0, getRequestedFor(urlPathEqualTo("/api/v2/contacts")));

        StepVerifier.create(listing.map(contact -> contact.id().orElseThrow()), 1)
                .expectNext(1L)
                .then(() -> org.awaitility.Awaitility.await()
                        .atMost(TIMEOUT)
                        .untilAsserted(() -> wm.verify(
                                1,
                                getRequestedFor(urlPathEqualTo("/api/v2/contacts"))
                                        .withQueryParam("id_gt_or_eq", equalTo("3")))))
                .thenCancel()
                .verify(TIMEOUT);
        // the page after the one fetched ahead is never asked for
        wm.verify(0, getRequestedFor(urlPathEqualTo("/api/v2/contacts")).withQueryParam("id_gt_or_eq", equalTo("5")));
    }

    @Test
    void aPageHandsOutTheIdToResumeAt() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts"))
                .withQueryParam("number", equalTo("4520000004"))
                .withQueryParam("id_gt_or_eq", equalTo("2"))
                .willReturn(okJson(page(4))));

        StepVerifier.create(contacts.page(
                        ContactQuery.builder()
                                .number(PhoneNumber.of("4520000004"))
                                .build(),
                        2L))
                .assertNext(page -> {
                    assertThat(page.items())
                            .extracting(contact -> contact.id().orElseThrow())
                            .containsExactly(4L);
                    assertThat(page.nextId()).isEqualTo(OptionalLong.of(5));
                })
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aServerThatIgnoresTheIdCursorEndsTheListingWithATypedError() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts")).willReturn(okJson(page(1, 2, 3))));

        StepVerifier.create(contacts.list(ContactQuery.all()))
                .expectNextCount(3)
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(PagingException.class, paging -> assertThat(paging.cursorParameter())
                                .isEqualTo("id_gt_or_eq"))
                        .hasMessageContaining("the server ignored the cursor id_gt_or_eq=4"))
                .verify(TIMEOUT);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/contacts")));
    }

    @Test
    void lookupReadsTheListShapeTakingTheFirstAndAnEmptyListIsEmpty() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts"))
                .withQueryParam("number", equalTo("4571999999"))
                .willReturn(okJson(REFERENCE_SAMPLE)));
        wm.stubFor(get(urlPathEqualTo("/api/v2/contacts"))
                .withQueryParam("number", equalTo("4500000000"))
                .willReturn(okJson("{\"contacts\": []}")));

        StepVerifier.create(contacts.lookup("+45 71 99 99 99")
                        .map(contact -> contact.numberFormatted().orElseThrow()))
                .expectNext("71 99 99 99")
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(contacts.lookup("4500000000")).expectComplete().verify(TIMEOUT);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/contacts")).withQueryParam("limit", equalTo("1")));
    }

    @Test
    void badListingArgumentsAreRefusedNamingThemBeforeAnythingIsSent() {
        StepVerifier.create(contacts.list(ContactQuery.builder().limit(101).build()))
                .expectErrorMessage("query.limit must be between 1 and 100, was 101")
                .verify(TIMEOUT);
        StepVerifier.create(contacts.list(null))
                .expectErrorMessage("query must not be null (use ContactQuery.all())")
                .verify(TIMEOUT);
        StepVerifier.create(contacts.page(ContactQuery.all(), 0L))
                .expectErrorMessage("fromId must be positive, was 0")
                .verify(TIMEOUT);
        wm.verify(0, getRequestedFor(urlPathEqualTo("/api/v2/contacts")));
    }
}
