package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.firmafon.core.testing.WireMockTest;
import dk.firmafon.testsupport.CapturedLogs;
import java.time.Instant;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class PagerTest extends WireMockTest {
    private static final String CURSOR = "started_at_lt_or_eq";

    /** A listed item: {@code {"id": ..., "started_at": ...}}. */
    record Item(String id, Instant startedAt) {}

    private static CursorPaging<Item> paging(int pageSize) {
        return CursorPaging.builder(Item.class)
                .request(ApiRequest.get("/calls").withQuery("endpoint", "Reception#1"))
                .envelopeKey("calls")
                .cursorParameter(CURSOR)
                .timestamp(Item::startedAt)
                .id(Item::id)
                .pageSize(pageSize)
                .build();
    }

    /** {@code items("a@10:05:00", ...)} as a calls envelope on 2025-06-02. */
    private static String page(String... items) {
        StringJoiner json = new StringJoiner(", ", "{\"calls\": [", "]}");
        for (String item : items) {
            String[] parts = item.split("@");
            json.add("{\"id\": \"" + parts[0] + "\", \"started_at\": \"2025-06-02T" + parts[1] + "Z\", \"extra\": 1}");
        }
        return json.toString();
    }

    private static void stubFirst(int limit, String body) {
        server.stubFor(get(urlPathEqualTo(path("/calls")))
                .withQueryParam(CURSOR, absent())
                .withQueryParam("limit", equalTo(Integer.toString(limit)))
                .withQueryParam("endpoint", equalTo("Reception#1"))
                .willReturn(okJson(body)));
    }

    private static void stubAt(String time, String body) {
        server.stubFor(get(urlPathEqualTo(path("/calls")))
                .withQueryParam(CURSOR, equalTo("2025-06-02T" + time + "Z"))
                .willReturn(okJson(body)));
    }

    private static void verifyRequests(int count) {
        server.verify(count, getRequestedFor(urlPathEqualTo(path("/calls"))));
    }

    @Test
    void paginateSkipsTheRepeatedBoundaryItemsAndContinuesAfterAShortPageUntilAnEmptyOne() {
        stubFirst(3, page("a@10:05:00", "b@10:04:00", "c@10:03:00"));
        stubAt("10:03:00", page("c@10:03:00", "d@10:03:00", "e@10:01:00"));
        stubAt("10:01:00", page("e@10:01:00", "f@10:00:00"));
        stubAt("10:00:00", page("f@10:00:00", "g@09:59:00"));
        stubAt("09:59:00", page());

        StepVerifier.create(client().paginate(paging(3)).map(Item::id))
                .expectNext("a", "b", "c", "d", "e", "f", "g")
                .expectComplete()
                .verify(TIMEOUT);
        verifyRequests(5);
    }

    @Test
    void paginateStopsAtAPageWithNothingNew() {
        stubFirst(2, page("a@10:05:00", "b@10:04:00"));
        stubAt("10:04:00", page("b@10:04:00"));

        StepVerifier.create(client().paginate(paging(2)).map(Item::id))
                .expectNext("a", "b")
                .expectComplete()
                .verify(TIMEOUT);
        verifyRequests(2);
    }

    @Test
    void moreThanLimitItemsSharingOneTimestampMoveTheCursorOneSecondEarlierWithAWarning() {
        stubFirst(2, page("a@10:00:00", "b@10:00:00"));
        stubAt("09:59:59", page("c@09:59:00"));
        stubAt("09:59:00", page("c@09:59:00"));

        StepVerifier.create(client().paginate(paging(2)).map(Item::id))
                .expectNext("a", "b", "c")
                .expectComplete()
                .verify(TIMEOUT);
        verifyRequests(3);
        assertThat(CapturedLogs.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("WARN 2 items of calls share started_at_lt_or_eq=2025-06-02T10:00:00Z")
                .contains("beyond the 2 delivered may have been skipped; continuing at 2025-06-02T09:59:59Z"));
    }

    @Test
    void aFullPageOfTiesAfterTheCursorStillMakesProgress() {
        stubFirst(2, page("a@10:01:00", "b@10:00:00"));
        stubAt("10:00:00", page("b@10:00:00", "c@10:00:00"));
        stubAt("09:59:59", page());

        StepVerifier.create(client().paginate(paging(2)).map(Item::id))
                .expectNext("a", "b", "c")
                .expectComplete()
                .verify(TIMEOUT);
        verifyRequests(3);
    }

    @Test
    void nothingIsRequestedBeforeSubscriptionAndOnePagePerDemand() {
        stubFirst(2, page("a@10:05:00", "b@10:04:00"));
        stubAt("10:04:00", page("b@10:04:00", "c@10:03:00"));

        Flux<String> ids = client().paginate(paging(2)).map(Item::id);
        verifyRequests(0);

        StepVerifier.create(ids, 2)
                .expectNext("a", "b")
                .then(() -> verifyRequests(1))
                .thenRequest(1)
                .expectNext("c")
                .thenCancel()
                .verify(TIMEOUT);
        verifyRequests(2);
    }

    @Test
    void cancellationAfterTakeSendsNoFurtherRequest() {
        stubFirst(3, page("a@10:05:00", "b@10:04:00", "c@10:03:00"));
        stubAt("10:03:00", page("c@10:03:00", "d@10:02:00"));

        StepVerifier.create(client().paginate(paging(3)).take(3).map(Item::id))
                .expectNext("a", "b", "c")
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(client().paginate(paging(3)).take(1).map(Item::id))
                .expectNext("a")
                .expectComplete()
                .verify(TIMEOUT);
        verifyRequests(2);
    }

    @Test
    void aPageCursorRoundTripsThroughItsStringAndResumesWithoutRepeats() {
        stubFirst(2, page("a@10:05:00", "b@10:04:00"));
        stubAt("10:04:00", page("b@10:04:00", "c@10:03:00"));
        stubAt("10:03:00", page("c@10:03:00"));
        FirmafonClient client = client();

        java.util.concurrent.atomic.AtomicReference<Page<Item>> first =
                new java.util.concurrent.atomic.AtomicReference<>();
        StepVerifier.create(client.page(paging(2), null))
                .consumeNextWith(first::set)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(first.get().items()).extracting(Item::id).containsExactly("a", "b");
        PageCursor next = first.get().next().orElseThrow();
        String saved = next.asString();
        assertThat(saved).isEqualTo("2025-06-02T10:04:00Z,b");
        assertThat(PageCursor.parse(saved)).isEqualTo(next);

        StepVerifier.create(client.paginate(paging(2), PageCursor.parse(saved)).map(Item::id))
                .expectNext("c")
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void pageCursorEncodesIdsThatContainCommas() {
        PageCursor cursor = PageCursor.parse(
                PageCursor.at(Instant.parse("2025-06-02T10:00:00Z")).asString());
        assertThat(cursor.seenIds()).isEmpty();
        Page<Item> page = Pager.toPage(
                paging(5), null, java.util.List.of(new Item("x,y%z", Instant.parse("2025-06-02T10:00:00Z"))));
        PageCursor next = page.next().orElseThrow();
        assertThat(PageCursor.parse(next.asString()).seenIds()).containsExactly("x,y%z");
        assertThatThrownBy(() -> PageCursor.parse("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void pageSizeOutsideOneToHundredIsRefusedNamingLimit() {
        assertThatThrownBy(() -> CursorPaging.builder(Item.class).pageSize(101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pageSize (sent as limit) must be between 1 and 100, was 101");
        assertThatThrownBy(() -> CursorPaging.builder(Item.class).pageSize(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundaryMemoryHoldsOnlyTheIdsAtTheOldestTimestamp() {
        Page<Item> page = Pager.toPage(
                paging(3),
                null,
                java.util.List.of(
                        new Item("a", Instant.parse("2025-06-02T10:05:00Z")),
                        new Item("b", Instant.parse("2025-06-02T10:03:00Z")),
                        new Item("c", Instant.parse("2025-06-02T10:03:00Z"))));

        assertThat(page.next().orElseThrow().seenIds()).containsExactly("b", "c");
    }

    @Test
    void theNextPageIsAskedForAsSoonAsTheCursorIsKnownAndNoFurther() {
        stubFirst(2, page("a@10:05:00", "b@10:04:00"));
        stubAt("10:04:00", page("b@10:04:00", "c@10:03:00"));
        stubAt("10:03:00", page("c@10:03:00", "d@10:02:00"));
        FirmafonClient client = client();

        StepVerifier.create(client.paginate(paging(2)), 1)
                .expectNextMatches(item -> item.id().equals("a"))
                .then(() -> org.awaitility.Awaitility.await()
                        .atMost(java.time.Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(server.findAll(getRequestedFor(urlPathEqualTo(path("/calls")))))
                                .hasSize(2))) // the first page, and one ahead while the consumer holds "a"
                .thenCancel()
                .verify(TIMEOUT);
        // one page ahead at most: the third page was never asked for
        server.verify(
                0,
                getRequestedFor(urlPathEqualTo(path("/calls")))
                        .withQueryParam(CURSOR, equalTo("2025-06-02T10:03:00Z")));
    }

    @Test
    void aConsumerAskingOneAtATimeGetsEveryPageWhenThePageAheadArrivesWhileItIsBusy() {
        stubFirst(2, page("a@10:05:00", "b@10:04:00"));
        stubAt("10:04:00", page("b@10:04:00", "c@10:03:00"));
        stubAt("10:03:00", page("c@10:03:00", "d@10:02:00"));
        stubAt("10:02:00", page("d@10:02:00"));
        FirmafonClient client = client();

        // one item requested at a time, slowly: the page fetched ahead arrives while the current one is not drained
        StepVerifier.create(client.paginate(paging(2))
                        .limitRate(1)
                        .delayElements(java.time.Duration.ofMillis(50))
                        .map(Item::id))
                .expectNext("a", "b", "c", "d")
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void cancellingCancelsThePageFetchedAhead() throws Exception {
        java.util.concurrent.CountDownLatch aheadAsked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch aheadAbandoned = new java.util.concurrent.CountDownLatch(1);
        String first = page("a@10:05:00", "b@10:04:00");
        try (dk.firmafon.testsupport.RawServer raw = dk.firmafon.testsupport.RawServer.start(connection -> {
            String head;
            while ((head = connection.readRequest()) != null) {
                if (head.contains(CURSOR)) {
                    aheadAsked.countDown();
                    connection.drainUntilClosed(); // never answers: only the client's cancel ends it
                    aheadAbandoned.countDown();
                    return;
                }
                connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + first.length() + "\r\n\r\n" + first);
            }
        })) {
            FirmafonClient client = client(b -> b.baseUri(java.net.URI.create(raw.httpUri() + "/api/v2"))
                    .responseTimeout(java.time.Duration.ofMinutes(1)));
            StepVerifier.create(client.paginate(paging(2)), 1) // the consumer holds "a" and asks for nothing more
                    .expectNextMatches(item -> item.id().equals("a"))
                    .then(() -> {
                        try {
                            assertThat(aheadAsked.await(10, java.util.concurrent.TimeUnit.SECONDS))
                                    .as("the next page is asked for while the consumer is busy")
                                    .isTrue();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .thenCancel()
                    .verify(TIMEOUT);
            assertThat(aheadAbandoned.await(10, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the connection of the page fetched ahead is closed by the cancel")
                    .isTrue();
        }
    }
}
