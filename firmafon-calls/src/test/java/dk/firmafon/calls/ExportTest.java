package dk.firmafon.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.calls.FakeCallHistory.FakeCall;
import dk.firmafon.calls.model.Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/** The ordered parallel export: newest first, each call once, across window borders with ties. */
class ExportTest extends WireMockCallsTest {
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant END = START.plusSeconds(4_000);

    /** 3,000 calls, newest first, several on every whole 100 s (window borders at 4 x 8 windows fall on them). */
    private static List<FakeCall> history() {
        List<FakeCall> calls = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Instant at = END.minusSeconds(i * 4_000L / 3_000 / 100 * 100 + (i % 3 == 0 ? 0 : 7));
            calls.add(new FakeCall("c" + i, Optional.of(at), i % 2 == 0));
        }
        calls.sort((a, b) -> b.startedAt().get().compareTo(a.startedAt().get()));
        return calls;
    }

    @org.junit.jupiter.api.BeforeEach
    void serveTheHistory() {
        WM.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/calls"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withTransformers(FakeCallHistory.NAME)));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 3, 8})
    void everyCallInTheRangeOnceNewestFirst(int parallelism) {
        FakeCallHistory.history = history();
        CallQuery range = CallQuery.builder()
                .startedAtOrAfter(START.plusSeconds(200))
                .startedAtOrBefore(END.minusSeconds(100))
                .limit(50)
                .build();
        List<String> expected = FakeCallHistory.history.stream()
                .filter(call -> !call.startedAt().get().isBefore(START.plusSeconds(200))
                        && !call.startedAt().get().isAfter(END.minusSeconds(100)))
                .map(FakeCall::uuid)
                .toList();

        List<Call> exported = calls.export(range, parallelism).collectList().block(TIMEOUT);

        assertThat(exported)
                .extracting(Call::callUuid)
                .doesNotHaveDuplicates()
                .hasSize(expected.size())
                .hasSameElementsAs(expected);
        assertThat(exported.stream()
                        .map(call -> call.startedAt().orElseThrow().toInstant())
                        .toList())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void windowsWaitingForTheirTurnKeepFetchingSoTheExportIsParallel() throws Exception {
        List<FakeCall> history = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            history.add(new FakeCall("u" + i, Optional.of(END.minusSeconds(i)), false));
        }
        FakeCallHistory.history = history;
        CallQuery range = CallQuery.builder()
                .startedAtOrAfter(START)
                .startedAtOrBefore(END)
                .limit(10)
                .build();
        // one call a second: 64 windows of about 62 calls (7 pages of 10): with one page of buffer each, the 3 windows
        // behind the
        // first would stop after a page or two; with the window buffer they fetch all of theirs
        StepVerifier.create(calls.export(range, 4), 1)
                .expectNextCount(1)
                .then(() -> org.awaitility.Awaitility.await()
                        .atMost(TIMEOUT)
                        .until(() -> WM.getAllServeEvents().size() >= 4 * 5))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void tooManyRequestsLowerHowManyWindowsFetchAndEveryCallStillComesOnce() {
        List<FakeCall> history = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            history.add(new FakeCall("r" + i, Optional.of(END.minusSeconds(i)), false));
        }
        FakeCallHistory.history = history;
        // the first request is answered 429 (Retry-After: 0); the pipeline repeats it. WireMock's scenario is not
        // atomic: requests that arrive together may all match its first state, so there may be more than one 429
        WM.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/calls"))
                .atPriority(1)
                .inScenario("limited")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "0"))
                .willSetStateTo("served"));
        CallQuery range = CallQuery.builder()
                .startedAtOrAfter(END.minusSeconds(599))
                .startedAtOrBefore(END)
                .limit(20)
                .build();

        dk.firmafon.calls.internal.ExportLimiter limiter = new dk.firmafon.calls.internal.ExportLimiter(8);
        List<Call> exported = calls.export(range, 8, limiter).collectList().block(TIMEOUT);

        assertThat(exported).extracting(Call::callUuid).doesNotHaveDuplicates().hasSize(600);
        long limited = WM.getAllServeEvents().stream()
                .filter(event -> event.getResponse().getStatus() == 429)
                .count();
        assertThat(limited).isPositive();
        assertThat(limiter.lowest())
                .as("each of the %d 429s halved the windows fetching at once", limited)
                .isEqualTo(Math.max(1, 8 >> limited));
    }

    @Test
    void badRangesAndParallelismAreRefusedNamingThem() {
        CallQuery open = CallQuery.builder().startedAtOrAfter(START).build();
        StepVerifier.create(calls.export(open, 2))
                .expectErrorMessage("query.startedAtOrBefore must be set for an export (the range's end)")
                .verify(TIMEOUT);
        CallQuery backwards = CallQuery.builder()
                .startedAtOrAfter(END)
                .startedAtOrBefore(START)
                .build();
        StepVerifier.create(calls.export(backwards, 2))
                .expectErrorSatisfies(e -> assertThat(e)
                        .hasMessageStartingWith("query.startedAtOrBefore must not be before query.startedAtOrAfter"))
                .verify(TIMEOUT);
        CallQuery range = CallQuery.builder()
                .startedAtOrAfter(START)
                .startedAtOrBefore(END)
                .build();
        StepVerifier.create(calls.export(range, 17))
                .expectErrorMessage("parallelism must be between 1 and 16, was 17")
                .verify(TIMEOUT);
    }
}
