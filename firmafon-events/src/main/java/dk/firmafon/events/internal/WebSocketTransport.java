package dk.firmafon.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.support.ExternalSocket;
import dk.firmafon.error.FirmafonIoException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Bayeux over one WebSocket on the API client's transport: each batch one text frame; the replies to its meta
 * messages are matched by {@code id} (a held {@code /meta/connect} answers when the server says so), and the events
 * the server pushes in between go to {@code events} at once. A failed or closed socket fails what waits on it; the
 * next send opens a new one.
 */
final class WebSocketTransport implements FeedTransport {
    private static final Logger LOG = LoggerFactory.getLogger("dk.firmafon.events");
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

    private static final int MAX_FRAME = 1024 * 1024;

    private final FirmafonClient client;
    private final URI feed;
    private final boolean allowInsecureHttp;
    private final Consumer<JsonNode> events;
    private final Object lock = new Object();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private Sinks.@Nullable Many<String> out;
    private @Nullable Disposable socket;
    /** Whether any socket of this transport ever received a frame: an upgrade that works. */
    volatile boolean everReceived;

    /**
     * Set when a socket that had carried frames closed without our asking; {@link #takeLost()} reads and clears it. A
     * socket may close between two batches (nothing waits to fail then): the next batch opens a new one, and the
     * session must still report the gap, since the server may have dropped what it meant for the closed one.
     */
    private final java.util.concurrent.atomic.AtomicBoolean lost = new java.util.concurrent.atomic.AtomicBoolean();

    /** Whether a socket was lost since the last call, clearing the flag. */
    boolean takeLost() {
        return lost.getAndSet(false);
    }

    WebSocketTransport(FirmafonClient client, URI feed, boolean allowInsecureHttp, Consumer<JsonNode> events) {
        this.client = client;
        this.feed = feed;
        this.allowInsecureHttp = allowInsecureHttp;
        this.events = events;
    }

    @Override
    public String connectionType() {
        return "websocket";
    }

    /** The replies to one batch, complete when every meta message of it was answered. */
    private static final class Pending {
        final Set<String> waiting;
        final ArrayNode replies = JSON.createArrayNode();
        final Sinks.One<JsonNode> result = Sinks.one();
        /** The socket (its outbound sink) the batch went out on. */
        volatile Sinks.@Nullable Many<String> socket;

        Pending(Set<String> waiting) {
            this.waiting = waiting;
        }

        synchronized void answer(JsonNode reply) {
            replies.add(reply);
            waiting.remove(reply.path("id").asText());
            if (waiting.isEmpty()) {
                result.tryEmitValue(replies);
            }
        }
    }

    @Override
    public Mono<JsonNode> send(List<ObjectNode> messages, Duration timeout) {
        return Mono.defer(() -> {
            Set<String> ids = new HashSet<>();
            for (ObjectNode message : messages) {
                ids.add(message.path("id").asText());
            }
            Pending waiting = new Pending(ids);
            ids.forEach(id -> pending.put(id, waiting));
            Sinks.Many<String> sink = open(waiting);
            if (sink.tryEmitNext(Bayeux.batch(messages).toString()).isFailure()) {
                ids.forEach(id -> pending.remove(id, waiting));
                return Mono.error(new FirmafonIoException(
                        "the WebSocket to the feed is closed",
                        null,
                        FirmafonIoException.Kind.CONNECTION_CLOSED,
                        false));
            }
            return waiting.result
                    .asMono()
                    .timeout(timeout)
                    .doFinally(signal -> ids.forEach(id -> pending.remove(id, waiting)));
        });
    }

    /**
     * The socket {@code waiting} goes out on, opened if there is none. {@code waiting} learns its socket here, under the
     * lock and before a new socket is subscribed: a socket that fails at once (an upgrade refused on loopback) finds
     * the batch in {@link #closed} and fails it, instead of leaving it to its timeout.
     */
    private Sinks.Many<String> open(Pending waiting) {
        synchronized (lock) {
            Sinks.Many<String> current = out;
            if (current != null) {
                waiting.socket = current;
                return current;
            }
            Sinks.Many<String> fresh = Sinks.many().unicast().onBackpressureBuffer();
            out = fresh;
            waiting.socket = fresh;
            socket = ExternalSocket.open(client, feed, fresh.asFlux(), MAX_FRAME, allowInsecureHttp)
                    .subscribe(
                            text -> frame(fresh, text),
                            error -> closed(fresh, error),
                            () -> closed(
                                    fresh,
                                    new FirmafonIoException(
                                            "the feed closed the WebSocket",
                                            null,
                                            FirmafonIoException.Kind.CONNECTION_CLOSED,
                                            true)));
            return fresh;
        }
    }

    private void frame(Sinks.Many<String> which, String text) {
        everReceived = true;
        JsonNode messages;
        try {
            messages = JSON.readTree(text);
        } catch (IOException e) {
            // the answer a batch waits for may have been this frame: fail what waits on this socket now (the session
            // backs off and asks again) instead of leaving it to its timeout; the socket itself stays open
            LOG.debug("the feed sent a frame that is not JSON");
            failWaiting(
                    which,
                    new FirmafonIoException(
                            "the feed sent a WebSocket frame that is not JSON",
                            null,
                            FirmafonIoException.Kind.MALFORMED_RESPONSE,
                            true));
            return;
        }
        if (messages == null) {
            return;
        }
        if (!messages.isArray()) {
            ArrayNode one = JSON.createArrayNode();
            one.add(messages);
            messages = one;
        }
        for (JsonNode message : messages) {
            String channel = message.path("channel").asText("");
            Pending waiting = channel.startsWith("/meta/")
                    ? pending.get(message.path("id").asText(""))
                    : null;
            if (waiting != null) {
                waiting.answer(message);
            } else if (!channel.startsWith("/meta/")) {
                events.accept(message);
            }
        }
    }

    private void closed(Sinks.Many<String> which, Throwable error) {
        synchronized (lock) {
            if (out == which) {
                out = null;
                socket = null;
                if (everReceived) {
                    lost.set(true);
                }
            }
        }
        LOG.debug("the WebSocket to the feed ended: {}", error.toString());
        failWaiting(which, error);
    }

    /** Fails the batches waiting for an answer on {@code which} (not those already sent on a newer socket). */
    private void failWaiting(Sinks.Many<String> which, Throwable error) {
        for (Pending waiting : pending.values()) {
            if (waiting.socket == which) {
                waiting.result.tryEmitError(error);
            }
        }
    }

    @Override
    public void close() {
        Disposable current;
        synchronized (lock) {
            current = socket;
            socket = null;
            out = null;
        }
        if (current != null) {
            current.dispose();
        }
    }
}
