package dk.firmafon.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dk.firmafon.calls.FakeCallHistory.FakeCall;
import dk.firmafon.calls.model.Call;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Paging over a {@link FakeCallHistory} that answers {@code GET /calls} like the service. */
class CallsPagingTest extends WireMockCallsTest {
    private static final Instant NEWEST = Instant.parse("2025-06-02T12:00:00Z");

    @BeforeEach
    void serveTheFakeHistory() {
        WM.stubFor(get(urlPathEqualTo("/calls")).willReturn(aResponse().withTransformers(FakeCallHistory.NAME)));
    }

    @Test
    void listDeliversEveryCallOnceInOrderAcrossPagesWithTiesOnTheBoundaries() {
        // 260 calls a minute apart, except two groups sharing one second across the first two page boundaries
        // (indices 97..101 and 195..197); Z and +02:00 alternate, also inside the groups.
        List<FakeCall> calls = new ArrayList<>();
        Instant at = NEWEST;
        for (int i = 0; i < 260; i++) {
            boolean tiedWithPrevious = i >= 98 && i <= 101 || i >= 196 && i <= 197;
            at = tiedWithPrevious ? at : at.minus(Duration.ofMinutes(1));
            calls.add(new FakeCall(String.format("call-%03d", i), Optional.of(at), i % 2 == 0));
        }
        FakeCallHistory.history = calls;

        StepVerifier.create(this.calls
                        .list(CallQuery.builder().limit(100).build())
                        .map(Call::callUuid)
                        .collectList())
                .assertNext(uuids -> assertThat(uuids).containsExactlyElementsOf(uuidsOf(calls)))
                .expectComplete()
                .verify(TIMEOUT);

        // page 1: 0..99; page 2 from the tie at 97: 100..196; page 3 from the tie at 195: 197..259;
        // page 4 repeats only call 259, which ends the listing (a short page is not the end)
        WM.verify(exactly(4), getRequestedFor(urlPathEqualTo("/calls")).withQueryParam("limit", equalTo("100")));
        assertThat(cursorsSent()).containsExactly(null, instant(calls, 99), instant(calls, 196), instant(calls, 259));
    }

    @Test
    void listStartsAtTheGivenStartedAtOrBefore() {
        FakeCallHistory.history = List.of(call("new", 0), call("boundary", 10), call("older", 20), call("oldest", 30));
        Instant start = NEWEST.minus(Duration.ofMinutes(10));

        StepVerifier.create(calls.list(CallQuery.builder()
                                .limit(2)
                                .startedAtOrBefore(start)
                                .build())
                        .map(Call::callUuid))
                .expectNext("boundary", "older", "oldest")
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(cursorsSent().get(0)).isEqualTo(start.toString());
    }

    @Test
    void callsWithoutStartedAtDoNotBreakThePager() {
        FakeCallHistory.history = List.of(
                new FakeCall("ringing-1", Optional.empty(), true),
                new FakeCall("ringing-2", Optional.empty(), false),
                call("c1", 1),
                call("c2", 2),
                call("c3", 3),
                call("c4", 4),
                call("c5", 5));

        StepVerifier.create(calls.list(CallQuery.builder().limit(3).build()).map(Call::callUuid))
                .expectNext("ringing-1", "ringing-2", "c1", "c2", "c3", "c4", "c5")
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(exactly(4), getRequestedFor(urlPathEqualTo("/calls")));
    }

    @Test
    void listFetchesOnlyThePagesThatAreConsumed() {
        List<FakeCall> calls = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            calls.add(call(String.format("call-%03d", i), i));
        }
        FakeCallHistory.history = calls;

        StepVerifier.create(this.calls.list().take(150).count())
                .expectNext(150L)
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(exactly(2), getRequestedFor(urlPathEqualTo("/calls")));
    }

    private static FakeCall call(String uuid, int minutesBeforeNewest) {
        Instant startedAt = NEWEST.minus(Duration.ofMinutes(minutesBeforeNewest));
        return new FakeCall(uuid, Optional.of(startedAt), minutesBeforeNewest % 2 == 0);
    }

    private static List<String> uuidsOf(List<FakeCall> calls) {
        return calls.stream().map(FakeCall::uuid).collect(Collectors.toList());
    }

    private static String instant(List<FakeCall> calls, int index) {
        return calls.get(index).startedAt().orElseThrow().toString();
    }

    /** The {@code started_at_lt_or_eq} of every request, in order (null when absent), normalised to an instant. */
    private static List<String> cursorsSent() {
        List<ServeEvent> events = new ArrayList<>(WM.getAllServeEvents());
        events.sort((a, b) ->
                a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
        List<String> cursors = new ArrayList<>();
        for (ServeEvent event : events) {
            QueryParameter cursor = event.getRequest().queryParameter("started_at_lt_or_eq");
            cursors.add(
                    cursor.isPresent()
                            ? OffsetDateTime.parse(cursor.firstValue())
                                    .toInstant()
                                    .toString()
                            : null);
        }
        return cursors;
    }
}
