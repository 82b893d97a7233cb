package dk.firmafon.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.testsupport.TestSecrets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/**
 * The feed session against a Bayeux server that misbehaves on purpose, over long-polling and over a WebSocket, with
 * exact counts: a server that takes every handshake and then asks for another one, one that answers every connect at
 * once and empty, a batch with one hostile value among good events, and a WebSocket frame that is not JSON in place
 * of the connect's answer.
 */
class HostileFeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = TestSecrets.TEST_TOKEN;
    private static final String CHANNEL = "/call2/company/42";

    enum Transport {
        LONG_POLLING,
        WEBSOCKET
    }

    private DisposableServer server;
    private FirmafonClient client;
    private Disposable subscription;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();

    @AfterEach
    void stop() {
        if (subscription != null) {
            subscription.dispose();
        }
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.disposeNow(Duration.ofSeconds(5));
        }
    }

    /**
     * A Bayeux server: answers handshakes and subscriptions as faye does and every {@code /meta/connect} with what
     * {@code connect} returns for its number (1 = the first); {@code null} holds it unanswered. Text frames or POST
     * bodies out: a JSON array of answers, or a raw string when {@code connect} returns a non-JSON text.
     */
    private EventsClient start(Transport transport, Function<Integer, String> connect) {
        Function<String, Mono<String>> answer = body -> {
            JsonNode batch;
            try {
                batch = JSON.readTree(body);
            } catch (java.io.IOException e) {
                return Mono.just("[]");
            }
            StringBuilder replies = new StringBuilder("[");
            String raw = null;
            boolean hold = false;
            for (JsonNode message : batch) {
                String channel = message.path("channel").asText();
                String id = message.path("id").asText();
                String reply;
                switch (channel) {
                    case "/meta/handshake" -> reply = "{\"channel\":\"/meta/handshake\",\"id\":\"" + id
                            + "\",\"successful\":true,\"version\":\"1.0\",\"clientId\":\"c"
                            + handshakes.incrementAndGet()
                            + "\",\"supportedConnectionTypes\":[\"long-polling\",\"websocket\"]}";
                    case "/meta/subscribe" -> reply = "{\"channel\":\"/meta/subscribe\",\"id\":\"" + id
                            + "\",\"successful\":true,\"subscription\":\""
                            + message.path("subscription").asText()
                            + "\"}";
                    case "/meta/connect" -> {
                        String scripted = connect.apply(connects.incrementAndGet());
                        if (scripted == null) {
                            hold = true;
                            continue;
                        }
                        if (!scripted.startsWith("[")) {
                            raw = scripted;
                            continue;
                        }
                        reply = scripted.substring(1, scripted.length() - 1)
                                .replace("\"id\":\"ID\"", "\"id\":\"" + id + "\"");
                    }
                    default -> reply = "{\"channel\":\"" + channel + "\",\"id\":\"" + id + "\",\"successful\":true}";
                }
                replies.append(replies.length() > 1 ? "," : "").append(reply);
            }
            if (raw != null) {
                return Mono.just(raw);
            }
            if (hold) {
                return Mono.never();
            }
            return Mono.just(replies.append(']').toString());
        };
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> {
                    if (transport == Transport.WEBSOCKET) {
                        routes.ws(
                                "/faye",
                                (in, out) ->
                                        out.sendString(in.receive().asString().concatMap(text -> answer.apply(text)
                                                .flux())));
                    } else {
                        routes.get("/faye", (request, response) -> response.status(404)
                                .send());
                    }
                    routes.post("/faye", (request, response) -> response.header("Content-Type", "application/json")
                            .sendString(request.receive().aggregate().asString().flatMap(answer)));
                })
                .bindNow();
        client = FirmafonClient.builder()
                .baseUri(URI.create("http://127.0.0.1:1/api/v2"))
                .auth(AuthStrategy.bearer(TOKEN))
                .build();
        return EventsClient.create(
                client,
                EventsSettings.defaults()
                        .withFeedUri(URI.create("http://127.0.0.1:" + server.port() + "/faye"))
                        .withWebSocket(transport == Transport.WEBSOCKET)
                        .withPollingFallbackAfter(0));
    }

    private List<LiveEvent> collect(EventsClient events, Sinks.Empty<Void> ended) {
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        subscription = events.events(List.of(CHANNEL))
                .subscribe(received::add, error -> ended.tryEmitEmpty(), ended::tryEmitEmpty);
        return received;
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis()); // a window to count in: the assertions are on what happened within it
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void aServerThatAsksForAHandshakeAfterEveryHandshakeMeetsAGrowingBackOff(Transport transport)
            throws InterruptedException {
        EventsClient events = start(
                transport,
                n -> "[{\"channel\":\"/meta/connect\",\"id\":\"ID\",\"successful\":false,"
                        + "\"error\":\"401::Unknown client\",\"advice\":{\"reconnect\":\"handshake\",\"interval\":0}}]");
        Sinks.Empty<Void> ended = Sinks.empty();
        List<LiveEvent> received = collect(events, ended);
        sleep(Duration.ofSeconds(10));
        assertThat(handshakes.get()).as("handshakes in 10 s").isBetween(2, 20);
        assertThat(received)
                .filteredOn(Gap.class::isInstance)
                .as("gaps: one per outage, not one per handshake")
                .hasSizeLessThanOrEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void connectsAnsweredAtOnceAndEmptyArePaced(Transport transport) throws InterruptedException {
        EventsClient events = start(
                transport,
                n -> "[{\"channel\":\"/meta/connect\",\"id\":\"ID\",\"successful\":true,\"advice\":{\"interval\":0}}]");
        Sinks.Empty<Void> ended = Sinks.empty();
        collect(events, ended);
        sleep(Duration.ofSeconds(1)); // past the session's start
        int before = connects.get();
        sleep(Duration.ofSeconds(5));
        assertThat(connects.get() - before).as("connects in 5 s").isBetween(1, 100);
        assertThat(handshakes.get()).as("handshakes").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void oneHostileValueInABatchLosesNoOtherEventAndEndsNothing(Transport transport) throws InterruptedException {
        StringBuilder batch = new StringBuilder("[{\"channel\":\"/meta/connect\",\"id\":\"ID\",\"successful\":true}");
        for (int i = 1; i <= 5; i++) {
            String timestamp = i == 3 ? String.valueOf(Long.MIN_VALUE) : "\"2026-12-06T10:00:0" + i + "+01:00\"";
            batch.append(",{\"channel\":\"" + CHANNEL + "\",\"data\":{\"type\":\"call-event\",\"name\":\"call.new\","
                    + "\"timestamp\":" + timestamp + ",\"data\":{\"call_uuid\":\"u-" + i + "\"}}}");
        }
        String events5 = batch.append(']').toString();
        EventsClient events = start(
                transport,
                n -> n == 2
                        ? events5
                        : n == 1 ? "[{\"channel\":\"/meta/connect\"," + "\"id\":\"ID\",\"successful\":true}]" : null);
        Sinks.Empty<Void> ended = Sinks.empty();
        List<LiveEvent> received = collect(events, ended);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.stream().filter(e -> !(e instanceof Gap)).count() < 5 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
        assertThat(received)
                .filteredOn(CallEvent.class::isInstance)
                .map(e -> ((CallEvent) e).callUuid().orElse(""))
                .as("all five events, the hostile one too")
                .containsExactly("u-1", "u-2", "u-3", "u-4", "u-5");
        assertThat(received)
                .filteredOn(e -> e instanceof CallEvent call
                        && call.callUuid().orElse("").equals("u-3"))
                .allSatisfy(e -> assertThat(((CallEvent) e).timestamp()).isEmpty());
        StepVerifier.create(ended.asMono()) // the stream did not end
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(200))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(handshakes.get())
                .as("handshakes (the connect did not count as failed)")
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Transport.class, names = "WEBSOCKET")
    void aFrameThatIsNotJsonInPlaceOfTheConnectAnswerIsNoticedAtOnce(Transport transport) throws InterruptedException {
        String event = "[{\"channel\":\"/meta/connect\",\"id\":\"ID\",\"successful\":true},{\"channel\":\"" + CHANNEL
                + "\",\"data\":{\"type\":\"call-event\",\"name\":\"call.new\",\"data\":{\"call_uuid\":\"after\"}}}]";
        EventsClient events = start(transport, n -> switch (n) {
            case 1 -> "[{\"channel\":\"/meta/connect\",\"id\":\"ID\",\"successful\":true}]";
            case 2 -> "this is not JSON";
            case 3 -> event;
            default -> null;
        });
        Sinks.Empty<Void> ended = Sinks.empty();
        List<LiveEvent> received = collect(events, ended);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (received.stream().noneMatch(CallEvent.class::isInstance) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
        assertThat(received)
                .filteredOn(CallEvent.class::isInstance)
                .as("the event after the bad frame arrived without waiting out the connect's 60 s")
                .hasSize(1);
    }
}
