package dk.firmafon.events;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dk.firmafon.core.testing.FirmafonWireMock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** The polling source diffs {@code /call_nodes/live} and the newest calls into the feed's call events. */
class PollingSourceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final FirmafonWireMock wm = FirmafonWireMock.atApiV2();

    private static String node(String call, String state, boolean answered) {
        return "{\"node_uuid\":\"n-" + call + "\",\"call_uuid\":\"" + call + "\",\"state\":\"" + state + "\""
                + (answered ? ",\"answered_at\":\"2026-12-06T10:00:05+01:00\"" : "") + "}";
    }

    private static String call(String uuid, boolean ended) {
        return "{\"call_uuid\":\"" + uuid + "\",\"started_at\":\"2026-12-06T10:00:00+01:00\""
                + (ended ? ",\"ended_at\":\"2026-12-06T10:01:00+01:00\"" : "") + "}";
    }

    private static void poll(String state, String next, String live, String calls) {
        wm.stubFor(get(urlPathEqualTo("/api/v2/call_nodes/live"))
                .inScenario("polls")
                .whenScenarioStateIs(state)
                .willReturn(okJson("{\"call_nodes\":[" + live + "]}")));
        wm.stubFor(get(urlPathEqualTo("/api/v2/calls"))
                .inScenario("polls")
                .whenScenarioStateIs(state)
                .willReturn(okJson("{\"calls\":[" + calls + "]}"))
                .willSetStateTo(next));
    }

    @Test
    void newAnsweredAndEndedCallsBecomeCallEventsAfterTheBaseline() {
        poll(Scenario.STARTED, "2", node("a", "ringing", false), call("old", true));
        poll("2", "3", node("a", "answered", true) + "," + node("b", "ringing", false), call("old", true));
        poll(
                "3",
                "4",
                node("b", "ringing", false),
                call("a", true) + "," + call("quick", true) + "," + call("old", true));
        poll(
                "4",
                "4",
                node("b", "ringing", false),
                call("a", true) + "," + call("quick", true) + "," + call("old", true));
        EventsClient events = EventsClient.create(wm.client());

        StepVerifier.create(events.poll(Duration.ofMillis(200)).ofType(CallEvent.class))
                .assertNext(event -> {
                    assertThat(event.name()).isEqualTo(CallEventName.ANSWER);
                    assertThat(event.callUuid()).contains("a");
                    assertThat(event.source()).isEqualTo(LiveEvent.Source.POLLING);
                })
                .assertNext(event -> {
                    assertThat(event.name()).isEqualTo(CallEventName.NEW);
                    assertThat(event.callUuid()).contains("b");
                })
                .assertNext(event -> {
                    assertThat(event.name()).isEqualTo(CallEventName.HANGUP);
                    assertThat(event.callUuid()).contains("a");
                    assertThat(event.rawData().has("ended_at")).isTrue(); // the call from REST
                })
                .assertNext(event -> {
                    assertThat(event.name()).isEqualTo(CallEventName.HANGUP);
                    assertThat(event.callUuid()).contains("quick"); // began and ended between two polls
                })
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void anUnreachableFeedFallsBackToPollingAfterAGapWhenAskedTo() throws Exception {
        poll(Scenario.STARTED, "2", node("a", "ringing", false), call("old", true));
        poll("2", "2", node("a", "answered", true), call("old", true));
        int closedPort;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        EventsClient events = EventsClient.create(
                wm.client(),
                EventsSettings.defaults()
                        .withFeedUri(java.net.URI.create("http://127.0.0.1:" + closedPort + "/faye"))
                        .withPollingFallbackAfter(2)
                        .withPollInterval(Duration.ofMillis(200)));

        StepVerifier.create(events.events(java.util.List.of("/call2/company/42")))
                .assertNext(event -> assertThat(event).isInstanceOfSatisfying(Gap.class, gap -> assertThat(gap.detail())
                        .contains("could not be reached in 2 attempts", "polling REST instead")))
                .assertNext(event -> assertThat(event).isInstanceOfSatisfying(CallEvent.class, call -> {
                    assertThat(call.name()).isEqualTo(CallEventName.ANSWER);
                    assertThat(call.source()).isEqualTo(LiveEvent.Source.POLLING);
                }))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void aFeedThatFailsBeforeAnyIoStillFallsBackToPolling() {
        // plain http to a host that is not loopback: every attempt is refused at once, on the subscribing thread,
        // before the session's loop had been stored - which once ended the session quietly, and nothing came
        poll(Scenario.STARTED, "2", node("a", "ringing", false), call("old", true));
        poll("2", "2", node("a", "answered", true), call("old", true));
        EventsClient events = EventsClient.create(
                wm.client(),
                EventsSettings.defaults()
                        .withFeedUri(java.net.URI.create("http://feed.example/faye"))
                        .withPollingFallbackAfter(2)
                        .withPollInterval(Duration.ofMillis(200)));

        StepVerifier.create(events.events(java.util.List.of("/call2/company/42")))
                .assertNext(event -> assertThat(event).isInstanceOf(Gap.class))
                .assertNext(event -> assertThat(event).isInstanceOf(CallEvent.class))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void aTooShortIntervalIsRefused() {
        StepVerifier.create(EventsClient.create(wm.client()).poll(Duration.ofMillis(10)))
                .expectErrorMessage("interval must be at least 100 ms, was PT0.01S")
                .verify(TIMEOUT);
    }
}
