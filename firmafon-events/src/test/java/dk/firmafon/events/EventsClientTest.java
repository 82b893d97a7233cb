package dk.firmafon.events;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.testing.FirmafonWireMock;
import dk.firmafon.testkit.FakeFeed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/**
 * The events client's REST side: default channels from {@code GET /employee}, a snapshot from REST after a gap, and
 * webhook deliveries turned into call events by fetching the call (REST on WireMock, the feed on the testkit's
 * FakeFeed).
 */
class EventsClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final FirmafonWireMock wm = FirmafonWireMock.atApiV2();

    private FakeFeed feed;
    private final List<Disposable> subscriptions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        feed = FakeFeed.start(FirmafonWireMock.TOKEN, Duration.ofSeconds(1));
        wm.stubFor(get(urlPathEqualTo("/api/v2/employee"))
                .willReturn(okJson("{\"employee\":{\"id\":12,\"company_id\":42,\"name\":\"Ida\"}}")));
        wm.stubFor(get(urlPathEqualTo("/api/v2/call_nodes/live"))
                .willReturn(okJson("{\"call_nodes\":[{\"node_uuid\":\"n-1\",\"call_uuid\":\"live-1\"}]}")));
        wm.stubFor(get(urlPathEqualTo("/api/v2/calls"))
                .willReturn(okJson("{\"calls\":[{\"call_uuid\":\"recent-1\","
                        + "\"started_at\":\"2026-12-06T09:00:00+01:00\"}]}")));
        wm.stubFor(get(urlPathEqualTo("/api/v2/calls/u-9"))
                .willReturn(okJson("{\"call\":{\"call_uuid\":\"u-9\",\"status\":\"answered\"}}")));
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        feed.close();
    }

    private static String callEvent(String uuid) {
        return "{\"type\":\"call-event\",\"name\":\"call.new\",\"data\":{\"call_uuid\":\"" + uuid + "\"}}";
    }

    @Test
    void theDefaultChannelsAreTheEmployeesAndTheCompanysFromGetEmployee() {
        EventsClient events =
                EventsClient.create(wm.client(), EventsSettings.defaults().withFeedUri(feed.uri()));
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        subscriptions.add(events.events().subscribe(received::add));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> {
            feed.publish("/call2/company/42", callEvent("company"));
            feed.publish("/call2/employee/12", callEvent("employee"));
            assertThat(received)
                    .filteredOn(CallEvent.class::isInstance)
                    .extracting(event -> ((CallEvent) event).callUuid().orElse(""))
                    .contains("company", "employee");
        });
    }

    @Test
    void theFakeFeedTakesTheWebSocketTheSdkTriesFirstSoASessionLogsNoWarning() throws InterruptedException {
        dk.firmafon.testsupport.CapturedLogs.clear();
        EventsClient events =
                EventsClient.create(wm.client(), EventsSettings.defaults().withFeedUri(feed.uri()));
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        subscriptions.add(events.events(List.of("/call2/company/42")).subscribe(received::add));
        feed.awaitSubscribers(1, TIMEOUT);
        feed.publish("/call2/company/42", callEvent("over-the-socket"));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(received)
                .filteredOn(CallEvent.class::isInstance)
                .extracting(event -> ((CallEvent) event).callUuid().orElse(""))
                .containsExactly("over-the-socket"));

        assertThat(feed.webSockets()).isEqualTo(1);
        assertThat(dk.firmafon.testsupport.CapturedLogs.warnings()).isEmpty();
    }

    @Test
    void refusedWebSocketsFallBackToLongPolling() throws InterruptedException {
        feed.refuseWebSockets(true);
        EventsClient events =
                EventsClient.create(wm.client(), EventsSettings.defaults().withFeedUri(feed.uri()));
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        subscriptions.add(events.events(List.of("/call2/company/42")).subscribe(received::add));
        feed.awaitSubscribers(1, TIMEOUT);
        feed.publish("/call2/company/42", callEvent("polled"));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(received)
                .filteredOn(CallEvent.class::isInstance)
                .extracting(event -> ((CallEvent) event).callUuid().orElse(""))
                .containsExactly("polled"));
        assertThat(feed.webSockets()).isZero();
    }

    @Test
    void awaitSubscribersLetsATestPublishOnceInsteadOfPolling() throws InterruptedException {
        EventsClient events =
                EventsClient.create(wm.client(), EventsSettings.defaults().withFeedUri(feed.uri()));
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        subscriptions.add(events.events(List.of("/call2/company/42")).subscribe(received::add));
        feed.awaitSubscribers(1, TIMEOUT);
        feed.publish("/call2/company/42", callEvent("once"));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(received)
                .filteredOn(CallEvent.class::isInstance)
                .extracting(event -> ((CallEvent) event).callUuid().orElse(""))
                .containsExactly("once"));
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> feed.awaitSubscribers(5, Duration.ofMillis(200)))
                .withMessage("the feed had 1 of 5 subscriptions after 200 ms");
    }

    @Test
    void aGapIsFollowedByASnapshotFromRestWhenAskedFor() {
        EventsClient events = EventsClient.create(
                wm.client(), EventsSettings.defaults().withFeedUri(feed.uri()).withResyncAfterGap(true));
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        subscriptions.add(events.events(List.of("/call2/company/42")).subscribe(received::add));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> {
            feed.publish("/call2/company/42", callEvent("before"));
            assertThat(received).isNotEmpty();
        });
        feed.forgetClients();
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(received)
                .filteredOn(CallEvent.class::isInstance)
                .extracting(event -> ((CallEvent) event).name() + " "
                        + ((CallEvent) event).callUuid().orElse(""))
                .contains(Gap.SNAPSHOT_LIVE + " live-1", Gap.SNAPSHOT_RECENT + " recent-1"));
        int gap = received.indexOf(
                received.stream().filter(Gap.class::isInstance).findFirst().orElseThrow());
        int snapshot = received.indexOf(received.stream()
                .filter(event -> event instanceof CallEvent call && call.name().equals(Gap.SNAPSHOT_LIVE))
                .findFirst()
                .orElseThrow());
        assertThat(gap).isLessThan(snapshot);
    }

    @Test
    void aWebhookDeliveryWakesTheStreamWithTheCallFetchedFromRest() {
        WebhookReceiver receiver =
                WebhookReceiver.builder().signingSecret("whsec-t3st").build();
        EventsClient events =
                EventsClient.create(wm.client(), EventsSettings.defaults().withFeedUri(feed.uri()));
        byte[] body = "{\"delivery_id\":\"d-1\",\"event_type\":\"call.ended\",\"payload\":{\"call_uuid\":\"u-9\"}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] other = "{\"delivery_id\":\"d-2\",\"event_type\":\"webhook.test\",\"payload\":{\"hello\":1}}"
                .getBytes(StandardCharsets.UTF_8);
        long t = Instant.now().getEpochSecond();
        StepVerifier.create(events.fromWebhooks(receiver).take(2))
                .then(() -> {
                    receiver.receive(
                            body,
                            Map.of(
                                    "Relatel-Signature",
                                    List.of("t=" + t + ",v1=" + HexFormat.of().formatHex(receiver.sign(t, body)))));
                    receiver.receive(
                            other,
                            Map.of(
                                    "Relatel-Signature",
                                    List.of("t=" + t + ",v1=" + HexFormat.of().formatHex(receiver.sign(t, other)))));
                })
                .assertNext(event -> assertThat(event).isInstanceOfSatisfying(CallEvent.class, call -> {
                    assertThat(call.name()).isEqualTo(CallEventName.of("call.ended"));
                    assertThat(call.source()).isEqualTo(LiveEvent.Source.WEBHOOK);
                    assertThat(call.status())
                            .contains(dk.firmafon.calls.model.CallStatus.ANSWERED); // from REST, not from the payload
                }))
                .assertNext(event -> assertThat(event).isInstanceOfSatisfying(OtherEvent.class, message -> assertThat(
                                message.message().path("hello").asInt())
                        .isEqualTo(1)))
                .expectComplete()
                .verify(TIMEOUT);
    }
}
