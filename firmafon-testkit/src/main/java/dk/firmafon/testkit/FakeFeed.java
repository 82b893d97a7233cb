package dk.firmafon.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A fake of Firmafon's live-events feed (a Bayeux 1.0 server, over a WebSocket or by long-polling, as the real one) on
 * loopback, for tests: it accepts the access token in {@code ext}, takes the WebSocket upgrade the SDK asks for first
 * (each text frame a batch, answered on the same socket; {@link #refuseWebSockets(boolean)} refuses it, to test the
 * fallback to long-polling), holds {@code /meta/connect} until an event arrives or its timeout passes, and lets the
 * test {@link #publish} events, {@link #forgetClients() forget every session}, {@link #dropConnections() drop every
 * connection} and read what it was asked ({@link #handshakes()}, ...). Channels whose name starts with
 * {@code /forbidden} are refused. The SDK's conformance suite runs against it and against the real {@code faye}
 * server alike.
 *
 * <pre>{@code
 * try (FakeFeed feed = FakeFeed.start(fake.accessToken())) {
 *     EventsClient events = EventsClient.create(client, EventsSettings.defaults().withFeedUri(feed.uri()));
 *     // subscribe, then
 *     feed.publish("/call2/company/42", "{\"type\":\"call-event\",\"name\":\"call.ringing\",\"data\":{...}}");
 * }
 * }</pre>
 */
public final class FakeFeed implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // the first readTree creates and caches the tree deserializer under a lock; done here, once, it never makes
        // a Reactor thread wait (BlockHound caught two first uses contending)
        try {
            JSON.readTree("{}");
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private final String token;
    private final Duration timeout;
    private final LoopResources loops;
    private final DisposableServer server;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong clientIds = new AtomicLong();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger subscribes = new AtomicInteger();
    private final AtomicInteger unsubscribes = new AtomicInteger();
    private final AtomicInteger disconnects = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger webSockets = new AtomicInteger();
    private volatile boolean refuseWebSockets;
    private volatile boolean askForHandshake;
    private volatile boolean answerAtOnce;

    private static final class Session {
        final Set<String> channels = ConcurrentHashMap.newKeySet();
        final List<ObjectNode> queue = new ArrayList<>();
        Sinks.Empty<Void> wake = Sinks.empty();
    }

    private FakeFeed(String token, Duration timeout) {
        this.token = token;
        this.timeout = timeout;
        this.loops = LoopResources.create("fake-feed", 1, true);
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .runOn(loops)
                .doOnConnection(connection -> connections.add(connection.channel()))
                .route(routes -> routes.get("/faye", this::upgrade).post("/faye", this::handle))
                .bindNow();
    }

    /** A feed that takes {@code accessToken}, holding long polls for 2 seconds. */
    public static FakeFeed start(String accessToken) {
        return start(accessToken, Duration.ofSeconds(2));
    }

    /** A feed that takes {@code accessToken}, holding long polls for {@code timeout}. */
    public static FakeFeed start(String accessToken, Duration timeout) {
        if (accessToken == null || accessToken.isBlank() || timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("accessToken must be set and timeout not negative");
        }
        return new FakeFeed(accessToken, timeout);
    }

    /** {@code http://127.0.0.1:<port>/faye}: {@code EventsSettings.withFeedUri(...)}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/faye");
    }

    /** Publishes {@code data} (a JSON document) on {@code channel} to every session subscribed to it. */
    public void publish(String channel, String data) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("data must be JSON", e);
        }
        for (Session session : sessions.values()) {
            if (session.channels.contains(channel)) {
                ObjectNode message = JSON.createObjectNode().put("channel", channel);
                message.set("data", parsed.deepCopy());
                synchronized (session) {
                    session.queue.add(message);
                    session.wake.tryEmitEmpty();
                }
            }
        }
    }

    /** Forgets every session, as a restarted server does: the next connect is told to handshake again. */
    public void forgetClients() {
        sessions.values().forEach(session -> session.wake.tryEmitEmpty());
        sessions.clear();
    }

    /** Closes every open connection, held long polls included; the sessions stay. */
    public void dropConnections() {
        connections.close().awaitUninterruptibly(5_000);
    }

    /**
     * A fault, for a client's resilience tests: while on, every {@code /meta/connect} is answered at once with
     * {@code 401::Unknown client} and the advice to handshake again without waiting ({@code interval} 0), although
     * each handshake succeeds: a server that forgets its clients as soon as it has met them.
     */
    public FakeFeed connectsAskForANewHandshake(boolean on) {
        this.askForHandshake = on;
        return this;
    }

    /**
     * A fault, for a client's resilience tests: while on, every {@code /meta/connect} is answered at once, successful
     * and empty, with {@code interval} 0: a long poll that does not hold.
     */
    public FakeFeed connectsAnswerAtOnce(boolean on) {
        this.answerAtOnce = on;
        return this;
    }

    /**
     * While on, a WebSocket upgrade is answered {@code 400} (as by a proxy that does not pass them on), so a client
     * falls back to long-polling; off by default.
     */
    public FakeFeed refuseWebSockets(boolean on) {
        this.refuseWebSockets = on;
        return this;
    }

    /** How many WebSocket upgrades the feed accepted. */
    public int webSockets() {
        return webSockets.get();
    }

    public int handshakes() {
        return handshakes.get();
    }

    /** How many {@code /meta/connect} messages arrived. */
    public int connects() {
        return connects.get();
    }

    public int subscribes() {
        return subscribes.get();
    }

    /**
     * Waits until the feed has confirmed at least {@code subscriptions} channel subscriptions (counted since it
     * started), so a test publishes only once a subscriber listens (the feed drops what it publishes before). Blocks
     * the calling thread, a test's, never a Reactor one.
     *
     * @throws IllegalStateException when they do not come within {@code timeout}, saying how many did
     */
    public void awaitSubscribers(int subscriptions, Duration timeout) throws InterruptedException {
        if (subscriptions < 1 || timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("subscriptions must be at least 1 and timeout not negative");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (subscribes.get() < subscriptions) {
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("the feed had " + subscribes.get() + " of " + subscriptions
                        + " subscriptions after " + timeout.toMillis() + " ms");
            }
            Thread.sleep(10);
        }
    }

    public int unsubscribes() {
        return unsubscribes.get();
    }

    public int disconnects() {
        return disconnects.get();
    }

    /** A WebSocket: every text frame a batch of messages, its replies (a held connect's later) a frame on the socket. */
    private org.reactivestreams.Publisher<Void> upgrade(HttpServerRequest request, HttpServerResponse response) {
        if (refuseWebSockets
                || !"websocket".equalsIgnoreCase(request.requestHeaders().get("Upgrade"))) {
            return response.status(400).send();
        }
        return response.sendWebsocket((in, out) -> {
            webSockets.incrementAndGet();
            return out.sendString(in.aggregateFrames()
                            .receive()
                            .asString(StandardCharsets.UTF_8)
                            .flatMap(this::answer)
                            .filter(replies -> !replies.isEmpty())
                            .map(ArrayNode::toString))
                    .then();
        });
    }

    private org.reactivestreams.Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        return request.receive()
                .aggregate()
                .asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("[]")
                .flatMap(body -> answer(body))
                .flatMap(reply -> response.header("Content-Type", "application/json")
                        .sendString(Mono.just(reply.toString()))
                        .then());
    }

    private Mono<ArrayNode> answer(String body) {
        JsonNode messages;
        try {
            messages = JSON.readTree(body);
        } catch (IOException e) {
            return Mono.just(JSON.createArrayNode());
        }
        if (!messages.isArray()) {
            ArrayNode one = JSON.createArrayNode();
            one.add(messages);
            messages = one;
        }
        ArrayNode replies = JSON.createArrayNode();
        Mono<ArrayNode> held = null;
        for (JsonNode message : messages) {
            String channel = message.path("channel").asText("");
            switch (channel) {
                case "/meta/handshake" -> replies.add(handshake(message));
                case "/meta/subscribe" -> replies.add(subscribe(message));
                case "/meta/unsubscribe" -> replies.add(unsubscribe(message));
                case "/meta/disconnect" -> replies.add(disconnect(message));
                case "/meta/connect" -> held = connect(message);
                default -> replies.add(publishMessage(message));
            }
        }
        if (held == null) {
            return Mono.just(replies);
        }
        return held.map(connectReplies -> {
            replies.addAll(connectReplies);
            return replies;
        });
    }

    private ObjectNode reply(JsonNode message, boolean successful) {
        ObjectNode reply = JSON.createObjectNode()
                .put("channel", message.path("channel").asText())
                .put("successful", successful);
        if (message.has("id")) {
            reply.set("id", message.get("id"));
        }
        if (message.has("clientId")) {
            reply.set("clientId", message.get("clientId"));
        }
        return reply;
    }

    private boolean tokenOk(JsonNode message) {
        return token.equals(message.path("ext").path("access_token").asText(null));
    }

    private ObjectNode handshake(JsonNode message) {
        if (!tokenOk(message)) {
            ObjectNode reply = reply(message, false).put("error", "401::Bad access token");
            reply.putObject("advice").put("reconnect", "handshake");
            return reply;
        }
        handshakes.incrementAndGet();
        // not UUID.randomUUID(): SecureRandom may read /dev/random, which blocks the event loop
        String id = Long.toString(clientIds.incrementAndGet(), 36) + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
        sessions.put(id, new Session());
        ObjectNode reply = reply(message, true).put("clientId", id).put("version", "1.0");
        reply.putArray("supportedConnectionTypes").add("long-polling").add("websocket");
        reply.putObject("advice").put("reconnect", "retry").put("interval", 0).put("timeout", timeout.toMillis());
        return reply;
    }

    private ObjectNode unknownClient(JsonNode message) {
        ObjectNode reply = reply(message, false).put("error", "401::Unknown client");
        reply.putObject("advice").put("reconnect", "handshake").put("interval", 0);
        return reply;
    }

    private ObjectNode subscribe(JsonNode message) {
        Session session = sessions.get(message.path("clientId").asText(""));
        String subscription = message.path("subscription").asText("");
        if (session == null) {
            return unknownClient(message).put("subscription", subscription);
        }
        if (!tokenOk(message)) {
            return reply(message, false).put("subscription", subscription).put("error", "401::Bad access token");
        }
        if (subscription.startsWith("/forbidden")) {
            return reply(message, false).put("subscription", subscription).put("error", "403::Forbidden channel");
        }
        subscribes.incrementAndGet();
        session.channels.add(subscription);
        return reply(message, true).put("subscription", subscription);
    }

    private ObjectNode unsubscribe(JsonNode message) {
        Session session = sessions.get(message.path("clientId").asText(""));
        String subscription = message.path("subscription").asText("");
        if (session == null) {
            return unknownClient(message).put("subscription", subscription);
        }
        unsubscribes.incrementAndGet();
        session.channels.remove(subscription);
        return reply(message, true).put("subscription", subscription);
    }

    private ObjectNode disconnect(JsonNode message) {
        Session session = sessions.remove(message.path("clientId").asText(""));
        if (session == null) {
            return unknownClient(message);
        }
        disconnects.incrementAndGet();
        session.wake.tryEmitEmpty();
        return reply(message, true);
    }

    private ObjectNode publishMessage(JsonNode message) {
        String channel = message.path("channel").asText("");
        if (message.has("data") && !channel.startsWith("/meta/")) {
            publish(channel, message.get("data").toString());
            return reply(message, true);
        }
        return reply(message, false).put("error", "400::Unknown channel");
    }

    private Mono<ArrayNode> connect(JsonNode message) {
        connects.incrementAndGet();
        Session session = sessions.get(message.path("clientId").asText(""));
        if (session != null && askForHandshake) {
            sessions.remove(message.path("clientId").asText(""));
            ArrayNode replies = JSON.createArrayNode();
            replies.add(unknownClient(message));
            return Mono.just(replies);
        }
        if (session != null && answerAtOnce && tokenOk(message)) {
            ArrayNode replies = JSON.createArrayNode();
            synchronized (session) {
                session.queue.forEach(replies::add);
                session.queue.clear();
            }
            ObjectNode reply = reply(message, true);
            reply.putObject("advice").put("reconnect", "retry").put("interval", 0);
            replies.add(reply);
            return Mono.just(replies);
        }
        if (session == null || !tokenOk(message)) {
            ArrayNode replies = JSON.createArrayNode();
            replies.add(
                    session == null
                            ? unknownClient(message)
                            : reply(message, false).put("error", "401::Bad access token"));
            return Mono.just(replies);
        }
        Sinks.Empty<Void> wake;
        synchronized (session) {
            if (session.queue.isEmpty()) {
                session.wake = Sinks.empty();
            }
            wake = session.wake;
        }
        return wake.asMono().timeout(timeout, Mono.empty()).then(Mono.fromCallable(() -> {
            ArrayNode replies = JSON.createArrayNode();
            boolean known = sessions.containsKey(message.path("clientId").asText(""));
            synchronized (session) {
                session.queue.forEach(replies::add);
                session.queue.clear();
            }
            if (known) {
                ObjectNode reply = reply(message, true);
                reply.putObject("advice")
                        .put("reconnect", "retry")
                        .put("interval", 0)
                        .put("timeout", timeout.toMillis());
                replies.add(reply);
            } else {
                replies.add(unknownClient(message));
            }
            return replies;
        }));
    }

    /** Stops the feed. */
    @Override
    public void close() {
        // the connections first, held long polls and WebSockets included: their pending answers are cancelled with
        // them (waking the sessions first would race their writes against the close, and a buffer written to a
        // closing channel was reported as a leak)
        connections.close().awaitUninterruptibly(5_000);
        sessions.clear();
        server.disposeNow(Duration.ofSeconds(5));
        loops.disposeLater().block(Duration.ofSeconds(5));
    }

    @Override
    public String toString() {
        return "FakeFeed{" + uri() + ", sessions=" + sessions.size() + "}";
    }
}
