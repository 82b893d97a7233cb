package dk.firmafon.events;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.testsupport.TestSecrets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The feed client against the real faye server, with WebSocket upgrades allowed and refused (the client long-polls
 * in both), and against the testkit's {@code FakeFeed} (one suite for both proves the fake): events typed, delivered once, sessions shared and ended, gaps on every lost session or connection,
 * a bad token terminal after a bounded number of handshakes, a forbidden channel failing only its subscriber, a slow
 * subscriber bounded.
 */
class FeedConformanceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TOKEN = TestSecrets.TEST_TOKEN;
    private static final String COMPANY = "/call2/company/42";
    private static final String EMPLOYEE = "/call2/employee/12";

    private FeedServer faye;
    private FirmafonClient client;
    private final List<Disposable> subscriptions = new CopyOnWriteArrayList<>();

    private void start(FeedServer.Kind kind) throws Exception {
        faye = kind.start(TOKEN);
        client = FirmafonClient.builder()
                .baseUri(URI.create("http://127.0.0.1:1/api/v2"))
                .auth(AuthStrategy.bearer(TOKEN))
                .build();
    }

    @BeforeEach
    void noServerYet() {
        faye = null;
    }

    @AfterEach
    void stop() throws Exception {
        subscriptions.forEach(Disposable::dispose);
        if (client != null) {
            client.close();
        }
        if (faye != null) {
            faye.close();
        }
    }

    private EventsClient events() {
        return EventsClient.create(client, EventsSettings.defaults().withFeedUri(faye.feedUri()));
    }

    private static String callEvent(CallEventName name, String uuid) {
        return callEvent(name.value(), uuid);
    }

    private static String callEvent(String name, String uuid) {
        return "{\"type\":\"call-event\",\"name\":\"" + name + "\",\"timestamp\":\"2026-12-06T10:00:00+01:00\","
                + "\"data\":{\"call_uuid\":\"" + uuid + "\",\"company_id\":\"42\",\"from_number\":null,"
                + "\"from_number_hidden\":\"true\",\"switch\":\"x\",\"endpoint\":\"Reception#7\"}}";
    }

    private List<LiveEvent> collect(Flux<LiveEvent> events) {
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        subscriptions.add(events.subscribe(received::add));
        return received;
    }

    /** Publishes until the subscriber's session is live (faye drops what it publishes before the subscription). */
    private void publishUntilSeen(String channel, String uuid, List<LiveEvent> received) {
        Awaitility.await()
                .atMost(TIMEOUT)
                .pollInterval(200, TimeUnit.MILLISECONDS)
                .untilAsserted(() -> {
                    faye.publish(channel, callEvent(CallEventName.RINGING, uuid));
                    assertThat(received).anySatisfy(event -> assertThat(event)
                            .isInstanceOfSatisfying(CallEvent.class, call -> assertThat(call.callUuid())
                                    .contains(uuid)));
                });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FeedServer.Kind.class)
    void aPublishedCallEventArrivesTypedAndLenient(FeedServer.Kind kind) throws Exception {
        start(kind);
        List<LiveEvent> received = collect(events().events(List.of(COMPANY)));
        publishUntilSeen(COMPANY, "warm-up", received);
        faye.publish(COMPANY, callEvent("call.transferred", "u-2"));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(received)
                .filteredOn(CallEvent.class::isInstance)
                .map(CallEvent.class::cast)
                .anySatisfy(call -> {
                    assertThat(call.name()).isEqualTo(CallEventName.of("call.transferred")); // unknown names kept
                    assertThat(call.isKnown()).isFalse();
                    assertThat(call.callUuid()).contains("u-2");
                    assertThat(call.companyId()).hasValue(42); // "42" read as a number
                    assertThat(call.fromNumber()).isEmpty(); // null when hidden
                    assertThat(call.fromNumberHidden()).contains(true); // "true" read as a boolean
                    assertThat(call.rawData().path("switch").asText()).isEqualTo("x"); // unknown fields kept
                    assertThat(call.channel()).isEqualTo(COMPANY);
                    assertThat(call.source()).isEqualTo(LiveEvent.Source.FEED);
                    assertThat(call.timestamp()).contains(java.time.Instant.parse("2026-12-06T09:00:00Z"));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FeedServer.Kind.class)
    void aWebSocketWhereTheServerTakesOneAndLongPollingWhereItDoesNot(FeedServer.Kind kind) throws Exception {
        start(kind);
        List<LiveEvent> received = collect(events().events(List.of(COMPANY)));
        publishUntilSeen(COMPANY, "transport", received);
        if (kind.webSocket()) {
            assertThat(faye.webSockets()).isEqualTo(1); // one socket, kept
        } else {
            assertThat(faye.webSockets()).isZero(); // refused (or not offered): the events came by long-polling
        }
        List<LiveEvent> polled = collect(EventsClient.create(
                        client,
                        EventsSettings.defaults().withFeedUri(faye.feedUri()).withWebSocket(false))
                .events(List.of(EMPLOYEE)));
        publishUntilSeen(EMPLOYEE, "long-polling-only", polled);
        assertThat(faye.webSockets()).isLessThanOrEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FeedServer.Kind.class)
    void theSameEventOnTheEmployeeAndTheCompanyChannelIsDeliveredOnce(FeedServer.Kind kind) throws Exception {
        start(kind);
        List<LiveEvent> received = collect(events().events(List.of(COMPANY, EMPLOYEE)));
        publishUntilSeen(COMPANY, "warm-up", received);
        faye.publish(EMPLOYEE, callEvent(CallEventName.ANSWER, "u-3"));
        faye.publish(COMPANY, callEvent(CallEventName.ANSWER, "u-3"));
        faye.publish(COMPANY, callEvent(CallEventName.HANGUP, "u-3"));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(received)
                .filteredOn(event -> event instanceof CallEvent call
                        && call.callUuid().orElse("").equals("u-3"))
                .extracting(event -> ((CallEvent) event).name())
                .containsExactly(CallEventName.ANSWER, CallEventName.HANGUP));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FeedServer.Kind.class)
    void closingTheClientEndsEveryStreamWithTheClosedErrorAndTheSessionStops(FeedServer.Kind kind) throws Exception {
        start(kind);
        EventsClient events = events();
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        reactor.core.publisher.Sinks.One<Throwable> ended = reactor.core.publisher.Sinks.one();
        events.events(List.of(COMPANY)).subscribe(received::add, ended::tryEmitValue, () -> ended.tryEmitValue(null));
        StepVerifier.create(events.poll(Duration.ofMillis(100)).then())
                .then(() -> publishUntilSeen(COMPANY, "before-close", received))
                .then(client::close)
                .expectError(dk.firmafon.error.FirmafonClosedException.class)
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(ended.asMono())
                .assertNext(error -> assertThat(error)
                        .isInstanceOf(dk.firmafon.error.FirmafonClosedException.class)
                        .hasMessageContaining("live-event stream ended"))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        int handshakes = faye.handshakes();
        int delivered = received.size();
        faye.publish(COMPANY, callEvent(CallEventName.HANGUP, "after-close"));
        Thread.sleep(1_000); // an event delivered, or a session loop handshaking again, would show within this
        assertThat(received).as("events delivered after close()").hasSize(delivered);
        assertThat(faye.handshakes()).as("handshakes after close()").isEqualTo(handshakes);
        StepVerifier.create(events.events(List.of(COMPANY)))
                .expectError(dk.firmafon.error.FirmafonClosedException.class)
                .verify(Duration.ofSeconds(5));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FeedServer.Kind.class)
    void twoSubscribersShareOneHandshakeAndTheLastCancelDisconnects(FeedServer.Kind kind) throws Exception {
        start(kind);
        EventsClient events = events();
        List<LiveEvent> first = new CopyOnWriteArrayList<>();
        List<LiveEvent> second = new CopyOnWriteArrayList<>();
        Disposable a = events.events(List.of(COMPANY)).subscribe(first::add);
        Disposable b = events.events(List.of(EMPLOYEE)).subscribe(second::add);
        publishUntilSeen(COMPANY, "warm-up-a", first);
        publishUntilSeen(EMPLOYEE, "warm-up-b", second);
        assertThat(faye.handshakes()).isEqualTo(1);
        b.dispose();
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(faye.unsubscribes())
                .isEqualTo(1));
        assertThat(faye.disconnects()).isZero();
        a.dispose();
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(faye.disconnects())
                .isEqualTo(1));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FeedServer.Kind.class)
    void aServerThatForgetsEveryClientGivesAHandshakeGapAndTheFeedGoesOn(FeedServer.Kind kind) throws Exception {
        start(kind);
        List<LiveEvent> received = collect(events().events(List.of(COMPANY)));
        publishUntilSeen(COMPANY, "before", received);
        faye.forgetEveryone();
        publishUntilSeen(COMPANY, "after", received);
        assertThat(received)
                .filteredOn(Gap.class::isInstance)
                .map(event -> ((Gap) event).reason())
                .contains(Gap.Reason.HANDSHAKE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FeedServer.Kind.class)
    void droppedConnectionsGiveAGapAndTheFeedGoesOn(FeedServer.Kind kind) throws Exception {
        start(kind);
        List<LiveEvent> received = collect(events().events(List.of(COMPANY)));
        publishUntilSeen(COMPANY, "before", received);
        faye.dropConnections();
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(received)
                .anySatisfy(event -> assertThat(event).isInstanceOf(Gap.class)));
        publishUntilSeen(COMPANY, "after", received);
        Gap gap = (Gap)
                received.stream().filter(Gap.class::isInstance).findFirst().orElseThrow();
        if (kind.webSocket()) {
            // faye ends the session of a client whose socket closed (a new handshake); the fake keeps it
            assertThat(gap.reason()).isIn(Gap.Reason.RECONNECT, Gap.Reason.HANDSHAKE);
        } else {
            // a long poll cut short: the same session goes on
            assertThat(gap.reason()).isEqualTo(Gap.Reason.RECONNECT);
            assertThat(faye.handshakes()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FeedServer.Kind.class)
    void aRefusedTokenIsATerminalErrorAfterABoundedNumberOfHandshakes(FeedServer.Kind kind) throws Exception {
        start(kind);
        try (FirmafonClient wrong = FirmafonClient.builder()
                .baseUri(URI.create("http://127.0.0.1:1/api/v2"))
                .auth(AuthStrategy.bearer("wrong-t0ken"))
                .build()) {
            EventsClient events =
                    EventsClient.create(wrong, EventsSettings.defaults().withFeedUri(faye.feedUri()));
            StepVerifier.create(events.events(List.of(COMPANY)))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOfSatisfying(FeedException.class, feed -> assertThat(feed.reason())
                                .isEqualTo(FeedException.Reason.TOKEN_REFUSED));
                        assertThat(error.getMessage()).doesNotContain("wrong-t0ken");
                    })
                    .verify(TIMEOUT);
        }
        assertThat(faye.handshakes()).isZero(); // none accepted
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FeedServer.Kind.class)
    void aForbiddenChannelFailsOnlyItsSubscription(FeedServer.Kind kind) throws Exception {
        start(kind);
        EventsClient events = events();
        List<LiveEvent> allowed = collect(events.events(List.of(COMPANY)));
        StepVerifier.create(events.events(List.of("/forbidden/room")))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(FeedException.class, feed -> assertThat(feed.reason())
                                .isEqualTo(FeedException.Reason.SUBSCRIPTION_REFUSED))
                        .hasMessageContaining("/forbidden/room"))
                .verify(TIMEOUT);
        publishUntilSeen(COMPANY, "still-there", allowed);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FeedServer.Kind.class)
    void aSlowSubscriberHasABoundedBufferAndIsToldOfTheGap(FeedServer.Kind kind) throws Exception {
        start(kind);
        EventsClient events = EventsClient.create(
                client, EventsSettings.defaults().withFeedUri(faye.feedUri()).withBuffer(8));
        List<LiveEvent> fast = collect(events.events(List.of(COMPANY)));
        StepVerifier.create(events.events(List.of(COMPANY)), 0)
                .then(() -> {
                    publishUntilSeen(COMPANY, "warm-up", fast);
                    for (int i = 0; i < 40; i++) {
                        try {
                            faye.publish(COMPANY, callEvent(CallEventName.NEW, "burst-" + i));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(fast)
                            .anySatisfy(event -> assertThat(event)
                                    .isInstanceOfSatisfying(CallEvent.class, call -> assertThat(call.callUuid())
                                            .contains("burst-39"))));
                })
                .thenRequest(Long.MAX_VALUE)
                .recordWith(CopyOnWriteArrayList::new)
                .then(() -> {
                    try {
                        faye.publish(COMPANY, callEvent(CallEventName.NEW, "after-the-burst"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .thenConsumeWhile(event -> !(event instanceof CallEvent call
                        && call.callUuid().orElse("").equals("after-the-burst")))
                .consumeRecordedWith(seen -> {
                    List<LiveEvent> kept = List.copyOf(seen);
                    int gap = kept.indexOf(kept.stream()
                            .filter(Gap.class::isInstance)
                            .findFirst()
                            .orElseThrow());
                    assertThat(gap).isLessThanOrEqualTo(8); // the buffer held at most 8; the rest was dropped
                    assertThat(((Gap) kept.get(gap)).reason()).isEqualTo(Gap.Reason.OVERFLOW);
                    assertThat(kept.subList(gap + 1, kept.size())).noneMatch(Gap.class::isInstance);
                })
                .thenCancel()
                .verify(TIMEOUT);
    }
}
