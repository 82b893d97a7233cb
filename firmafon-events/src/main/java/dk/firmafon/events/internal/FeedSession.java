package dk.firmafon.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.Credential;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.events.FeedException;
import dk.firmafon.events.Gap;
import dk.firmafon.events.LiveEvent;
import dk.firmafon.events.internal.Bayeux.Advice;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * One Bayeux session with the feed, shared by every subscriber of an {@code EventsClient}: reference-counted (the
 * first subscriber starts it, the last one's cancel ends it with {@code /meta/disconnect}), channels subscribed and
 * unsubscribed as subscribers come and go. A WebSocket first (long-polling when the upgrade is refused, or the socket
 * fails three times running), over the API client's own transport (pool settings, proxy, TLS), the access token in
 * {@code ext} of every message and nowhere else. The loop follows the server's advice
 * ({@code retry}, {@code handshake}, {@code none}, interval, timeout), re-handshakes and resubscribes by itself with
 * jittered backoff, and reports a {@link Gap} whenever events may have been missed.
 */
public final class FeedSession {
    private static final Logger LOG = LoggerFactory.getLogger("dk.firmafon.events");
    private static final Duration REQUEST_MARGIN = Duration.ofSeconds(15);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    /** A subscription is answered at once; one that is not is asked again (then a new handshake subscribes all). */
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(8);

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A connect answered sooner than this with no event came back early: the next one waits at least a pause. */
    private static final Duration EARLY = Duration.ofSeconds(1);
    /** The first pause after a connect that came back early and empty; it doubles while they keep coming. */
    private static final Duration EARLY_PAUSE = Duration.ofMillis(100);

    private final FirmafonClient client;
    private final URI feed;
    private final String app;
    private final boolean allowInsecureHttp;
    private final boolean webSocket;
    private final int unreachableAfter;
    private final int buffer;
    private final Clock clock;
    private final Scheduler scheduler = Schedulers.parallel();
    private final @Nullable Function<Gap, Flux<LiveEvent>> resync;

    private final Object lock = new Object();
    private final List<Listener> listeners = new ArrayList<>();
    private final Map<String, Integer> channels = new LinkedHashMap<>();
    private @Nullable Disposable loop;
    private long generation;

    // the loop's state: touched by one step at a time
    private volatile @Nullable String clientId;
    private Advice advice = Advice.DEFAULT;
    private final AtomicLong ids = new AtomicLong();
    /** Failures since the last successful connect: a successful handshake alone does not reset it. */
    private int failures;
    /** Connects in a row that came back early and empty. */
    private int earlyEmpty;

    private int tokenRefusals;
    private boolean handshakenBefore;
    private Gap.@Nullable Reason pendingGap;
    /** A gap was reported since the last successful connect: one per outage, however many attempts it takes. */
    private boolean gapReported;
    /** A HANDSHAKE gap was reported since the last successful connect. */
    private boolean handshakeGapReported;

    private String pendingDetail = "";
    private Duration nextDelay = Duration.ZERO;
    private @Nullable Credential credential;
    private FeedTransport transport;
    private int socketFailures;

    public FeedSession(
            FirmafonClient client,
            URI feed,
            String app,
            boolean allowInsecureHttp,
            boolean webSocket,
            int unreachableAfter,
            int buffer,
            Clock clock,
            @Nullable Function<Gap, Flux<LiveEvent>> resync) {
        this.client = client;
        this.feed = feed;
        this.app = app;
        this.allowInsecureHttp = allowInsecureHttp;
        this.webSocket = webSocket;
        this.unreachableAfter = unreachableAfter;
        this.buffer = buffer;
        this.clock = clock;
        this.resync = resync;
        this.transport = longPolling();
    }

    private FeedTransport longPolling() {
        return new FeedTransport.LongPolling(client, feed, allowInsecureHttp);
    }

    /** An event the server pushed over the WebSocket. */
    private void pushed(JsonNode message) {
        if (message.has("data")) {
            dispatch(message.path("channel").asText(""), message.get("data"));
        }
    }

    /** A cold stream of the events on {@code channels}; each subscription joins the shared session. */
    public Flux<LiveEvent> subscribe(List<String> requested) {
        return Flux.defer(() -> {
            List<String> checked = new ArrayList<>(requested.size());
            for (String channel : requested) {
                checked.add(Channels.checked(channel));
            }
            if (checked.isEmpty()) {
                throw new IllegalArgumentException("channels must name at least one channel");
            }
            Listener listener = new Listener(checked, buffer, clock);
            attach(listener);
            return listener.flux().doFinally(signal -> detach(listener));
        });
    }

    private void attach(Listener listener) {
        List<String> fresh = new ArrayList<>();
        synchronized (lock) {
            listeners.add(listener);
            for (String channel : listener.channels) {
                if (channels.merge(channel, 1, Integer::sum) == 1) {
                    fresh.add(channel);
                }
            }
            if (loop == null) {
                start();
                return;
            }
        }
        String id = clientId;
        if (id != null && !fresh.isEmpty()) {
            subscribeOnServer(id, fresh)
                    .retryWhen(reactor.util.retry.Retry.backoff(2, FIRST_BACKOFF)
                            .scheduler(scheduler)
                            .filter(error -> !(error instanceof FeedException)))
                    .subscribe(ignored -> {}, error -> {
                        // never leave a subscriber waiting on a channel the server never confirmed: a new handshake
                        // subscribes every channel again (unless the session has moved on already)
                        LOG.debug("subscribing failed, handshaking again: {}", error.toString());
                        synchronized (lock) {
                            if (id.equals(clientId)) {
                                clientId = null;
                            }
                        }
                    });
        }
    }

    private void detach(Listener listener) {
        List<String> gone = new ArrayList<>();
        String endedSession = null;
        synchronized (lock) {
            if (!listeners.remove(listener)) {
                return;
            }
            for (String channel : listener.channels) {
                if (channels.merge(channel, -1, Integer::sum) == 0) {
                    channels.remove(channel);
                    gone.add(channel);
                }
            }
            if (listeners.isEmpty() && loop != null) {
                loop.dispose();
                loop = null;
                generation++;
                endedSession = clientId;
                clientId = null;
            }
        }
        String id = endedSession != null ? endedSession : clientId;
        if (id == null) {
            return;
        }
        List<ObjectNode> messages = new ArrayList<>();
        if (endedSession != null) {
            messages.add(withClient(Bayeux.message(Bayeux.DISCONNECT, nextId(), ext()), id));
        } else {
            for (String channel : gone) {
                messages.add(withClient(Bayeux.message(Bayeux.UNSUBSCRIBE, nextId(), ext()), id)
                        .put("subscription", channel));
            }
        }
        if (!messages.isEmpty() && credential != null) {
            FeedTransport via = transport;
            boolean last = endedSession != null;
            via.send(messages, HANDSHAKE_TIMEOUT)
                    .doFinally(signal -> {
                        if (last) {
                            via.close();
                        }
                    })
                    .subscribe(ignored -> {}, error -> LOG.debug("unsubscribing failed: {}", error.toString()));
        } else if (endedSession != null) {
            transport.close();
        }
    }

    private void start() {
        long mine = generation;
        clientId = null;
        advice = Advice.DEFAULT;
        failures = 0;
        earlyEmpty = 0;
        handshakeGapReported = false;
        tokenRefusals = 0;
        handshakenBefore = false;
        pendingGap = null;
        nextDelay = Duration.ZERO;
        socketFailures = 0;
        transport = webSocket ? new WebSocketTransport(client, feed, allowInsecureHttp, this::pushed) : longPolling();
        // the loop is in place before it is subscribed: its first steps may run (and fail) inside subscribe(), on this
        // thread, and the repeat asks isCurrent() - which must not find the loop missing and end the session quietly
        Disposable.Swap current = reactor.core.Disposables.swap();
        loop = current;
        current.update(Flux.defer(this::step)
                .repeat(() -> isCurrent(mine))
                .subscribe(ignored -> {}, error -> end(mine, error)));
    }

    private boolean isCurrent(long mine) {
        synchronized (lock) {
            return loop != null && generation == mine;
        }
    }

    private void end(long mine, Throwable error) {
        List<Listener> failed;
        synchronized (lock) {
            if (generation != mine) {
                return;
            }
            loop = null;
            generation++;
            clientId = null;
            failed = new ArrayList<>(listeners);
        }
        LOG.debug("the feed session ended: {}", error.toString());
        transport.close();
        failed.forEach(listener -> listener.fail(error));
    }

    /** One handshake or one long poll, after the delay the last one asked for. */
    private Mono<Void> step() {
        Duration wait = nextDelay;
        nextDelay = Duration.ZERO;
        Mono<Void> work = Mono.defer(() -> clientId == null ? handshake() : connect());
        return (wait.isZero() ? work : Mono.delay(wait, scheduler).then(work))
                .onErrorResume(error -> !(error instanceof FeedException), error -> {
                    failures++;
                    if (transport instanceof WebSocketTransport socket
                            && (!socket.everReceived || ++socketFailures >= 3)) {
                        LOG.debug(
                                "the WebSocket to the feed {}; falling back to long-polling",
                                socket.everReceived ? "keeps failing" : "could not be opened");
                        socket.close();
                        transport = longPolling();
                    }
                    if (handshakenBefore) {
                        pendingGap = Gap.Reason.RECONNECT;
                        pendingDetail = "the connection to the feed failed ("
                                + error.getClass().getSimpleName() + ")";
                    }
                    if (unreachableAfter > 0 && failures >= unreachableAfter) {
                        return Mono.error(new FeedException(
                                FeedException.Reason.UNREACHABLE,
                                "the feed could not be reached in " + failures + " attempts running (last: "
                                        + error.getClass().getSimpleName() + ")"));
                    }
                    nextDelay = backoff();
                    LOG.debug(
                            "feed request failed ({}), retrying in {} ms",
                            error.getClass().getSimpleName(),
                            nextDelay.toMillis());
                    return Mono.empty();
                });
    }

    private Mono<Void> handshake() {
        return token().flatMap(
                        token -> post(List.of(Bayeux.handshake(nextId(), Bayeux.ext(app, token))), HANDSHAKE_TIMEOUT))
                .flatMap(reply -> {
                    JsonNode answer = find(reply, Bayeux.HANDSHAKE);
                    advice = advice.merge(answer.path("advice"));
                    if (answer.path("successful").asBoolean(false)
                            && answer.path("clientId").isTextual()) {
                        String id = answer.get("clientId").asText();
                        clientId = id;
                        // failures stay as they are until a connect succeeds: a server that takes the handshake and
                        // then asks for another one at once must meet a growing back-off, not a storm
                        tokenRefusals = 0;
                        // one HANDSHAKE gap per outage, however many handshakes it takes (after a RECONNECT gap of the
                        // same outage it still comes: a new session is the definite loss)
                        Gap.Reason gap = handshakenBefore && !handshakeGapReported ? Gap.Reason.HANDSHAKE : null;
                        String detail = "a new session with the feed: events since the last one are lost";
                        handshakenBefore = true;
                        pendingGap = null;
                        List<String> all;
                        synchronized (lock) {
                            all = new ArrayList<>(channels.keySet());
                        }
                        // a subscription that fails makes the whole handshake fail: the next one subscribes again
                        Mono<Void> subscribed = all.isEmpty()
                                ? Mono.empty()
                                : subscribeOnServer(id, all).doOnError(error -> clientId = null);
                        return subscribed.then(Mono.fromRunnable(() -> {
                            if (gap != null) {
                                gap(gap, detail);
                                gapReported = true;
                                handshakeGapReported = true;
                            }
                        }));
                    }
                    String error = answer.path("error").asText("");
                    if (isAuthenticationError(error)) {
                        return tokenRefused(error);
                    }
                    if ("none".equals(advice.reconnect())) {
                        return Mono.error(new FeedException(
                                FeedException.Reason.RECONNECT_NONE,
                                "the feed refused the handshake and advised not to reconnect: " + excerpt(error)));
                    }
                    failures++;
                    nextDelay = max(advice.interval(), backoff());
                    return Mono.empty();
                });
    }

    private Mono<Void> tokenRefused(String error) {
        tokenRefusals++;
        Credential refused = credential;
        if (tokenRefusals > 1 || refused == null) {
            return Mono.error(new FeedException(
                    FeedException.Reason.TOKEN_REFUSED,
                    "the feed refused the access token, also after renewing it: " + excerpt(error)));
        }
        AuthStrategy auth = client.auth();
        return auth.invalidate(refused)
                .flatMap(renewed -> renewed
                        ? Mono.<Void>empty()
                        : Mono.error(new FeedException(
                                FeedException.Reason.TOKEN_REFUSED,
                                "the feed refused the access token and the authentication cannot renew it: "
                                        + excerpt(error))));
    }

    private Mono<Void> connect() {
        String id = clientId;
        if (transport instanceof WebSocketTransport socket && socket.takeLost() && pendingGap == null) {
            // the socket closed between two batches: nothing failed, but what the server sent meanwhile may be lost
            pendingGap = Gap.Reason.RECONNECT;
            pendingDetail = "the WebSocket to the feed closed";
        }
        if (pendingGap != null) {
            // reported before the first event of the new connection: what came in between may be lost
            if (!gapReported) {
                gap(pendingGap, pendingDetail);
                gapReported = true;
            }
            pendingGap = null;
        }
        long started = System.nanoTime();
        return token().flatMap(token -> post(
                        List.of(withClient(Bayeux.message(Bayeux.CONNECT, nextId(), Bayeux.ext(app, token)), id)
                                .put("connectionType", transport.connectionType())),
                        advice.timeout().plus(REQUEST_MARGIN)))
                .flatMap(reply -> {
                    JsonNode answer = null;
                    int delivered = 0;
                    for (JsonNode element : reply) {
                        String channel = element.path("channel").asText("");
                        if (channel.equals(Bayeux.CONNECT)) {
                            answer = element;
                        } else if (!channel.startsWith("/meta/") && element.has("data")) {
                            dispatch(channel, element.get("data"));
                            delivered++;
                        }
                    }
                    boolean early = delivered == 0 && System.nanoTime() - started < EARLY.toNanos();
                    if (answer == null) {
                        failures++;
                        nextDelay = backoff();
                        return Mono.empty();
                    }
                    advice = advice.merge(answer.path("advice"));
                    if (answer.path("successful").asBoolean(false)) {
                        failures = 0;
                        socketFailures = 0;
                        gapReported = false;
                        handshakeGapReported = false;
                        // a connect that comes back at once with nothing (a long poll that does not hold) is paced:
                        // at least a pause, doubling while it goes on, whatever interval the server advised
                        earlyEmpty = early ? earlyEmpty + 1 : 0;
                        nextDelay = early ? max(advice.interval(), earlyPause()) : advice.interval();
                        return Mono.empty();
                    }
                    String error = answer.path("error").asText("");
                    if ("none".equals(advice.reconnect())) {
                        return Mono.error(new FeedException(
                                FeedException.Reason.RECONNECT_NONE,
                                "the feed ended the session and advised not to reconnect: " + excerpt(error)));
                    }
                    if ("handshake".equals(advice.reconnect())
                            || isAuthenticationError(error)
                            || error.startsWith("402")) {
                        LOG.debug("the feed asked for a new handshake ({})", excerpt(error));
                        clientId = null;
                        failures++;
                        nextDelay = max(advice.interval(), backoff());
                        return Mono.empty();
                    }
                    failures++;
                    nextDelay = max(advice.interval(), backoff());
                    return Mono.empty();
                });
    }

    private Mono<Void> subscribeOnServer(String id, List<String> subscriptions) {
        List<ObjectNode> messages = new ArrayList<>();
        for (String channel : subscriptions) {
            messages.add(withClient(Bayeux.message(Bayeux.SUBSCRIBE, nextId(), ext()), id)
                    .put("subscription", channel));
        }
        return post(messages, SUBSCRIBE_TIMEOUT)
                .doOnNext(reply -> {
                    for (JsonNode element : reply) {
                        if (element.path("channel").asText("").equals(Bayeux.SUBSCRIBE)
                                && !element.path("successful").asBoolean(false)) {
                            refuse(
                                    element.path("subscription").asText(""),
                                    element.path("error").asText(""));
                        } else if (!element.path("channel").asText("").startsWith("/meta/") && element.has("data")) {
                            dispatch(element.path("channel").asText(""), element.get("data"));
                        }
                    }
                })
                .then();
    }

    /** A refused subscription fails the subscribers that asked for that channel, and only them. */
    private void refuse(String channel, String error) {
        List<Listener> refused = new ArrayList<>();
        synchronized (lock) {
            for (Listener listener : listeners) {
                if (listener.channels.contains(channel)) {
                    refused.add(listener);
                }
            }
        }
        FeedException failure = new FeedException(
                FeedException.Reason.SUBSCRIPTION_REFUSED,
                "the feed refused the subscription to " + channel + ": " + excerpt(error));
        refused.forEach(listener -> listener.fail(failure));
    }

    /**
     * Delivers one event to the subscribers of its channel. Never throws: a value the typed reading cannot take
     * arrives as an {@link dk.firmafon.events.OtherEvent} with its raw data, and the other events of its batch (or
     * frame) are delivered all the same.
     */
    private void dispatch(String channel, JsonNode data) {
        LiveEvent event;
        try {
            event = Events.of(channel, LiveEvent.Source.FEED, data);
        } catch (RuntimeException unreadable) {
            LOG.debug(
                    "an event on {} could not be read as typed ({}); delivered as it came",
                    channel,
                    unreadable.getClass().getSimpleName());
            event = new dk.firmafon.events.OtherEvent(channel, LiveEvent.Source.FEED, data);
        }
        for (Listener listener : snapshot()) {
            if (listener.wants(channel)) {
                listener.offer(event);
            }
        }
    }

    private void gap(Gap.Reason reason, String detail) {
        Gap gap = new Gap(reason, clock.instant(), detail);
        for (Listener listener : snapshot()) {
            listener.emit(gap);
        }
        if (resync != null) {
            resync.apply(gap)
                    .subscribe(
                            event -> snapshot().forEach(listener -> listener.emit(event)),
                            error -> LOG.debug("resync after a gap failed: {}", error.toString()));
        }
    }

    private List<Listener> snapshot() {
        synchronized (lock) {
            return new ArrayList<>(listeners);
        }
    }

    private Mono<JsonNode> post(List<ObjectNode> messages, Duration timeout) {
        return Mono.defer(() -> transport.send(messages, timeout));
    }

    /** The access token for {@code ext}: the strategy's, renewed when an OAuth token is due. */
    private Mono<String> token() {
        return client.auth().credential().map(fresh -> {
            credential = fresh;
            return accessToken(fresh);
        });
    }

    private ObjectNode ext() {
        Credential current = credential;
        return Bayeux.ext(app, current == null ? "" : accessToken(current));
    }

    private static String accessToken(Credential credential) {
        String value = credential.value();
        if (credential.placement() == Credential.Placement.HEADER) {
            if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return value.substring(7).strip();
            }
            throw new FeedException(
                    FeedException.Reason.NO_ACCESS_TOKEN,
                    "the live-events feed takes an access token; the configured authentication sends "
                            + credential.name() + " credentials it cannot use (use a bearer token or OAuth)");
        }
        return value;
    }

    private static ObjectNode withClient(ObjectNode message, @Nullable String id) {
        return message.put("clientId", id);
    }

    private String nextId() {
        return Long.toString(ids.incrementAndGet(), 36);
    }

    private static JsonNode find(JsonNode reply, String channel) {
        for (JsonNode element : reply) {
            if (element.path("channel").asText("").equals(channel)) {
                return element;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static boolean isAuthenticationError(String error) {
        return error.startsWith("401")
                        && !error.toLowerCase(java.util.Locale.ROOT).contains("unknown client")
                || error.startsWith("403")
                        && !error.toLowerCase(java.util.Locale.ROOT).contains("subscri");
    }

    private Duration backoff() {
        long max = MAX_BACKOFF.toMillis();
        long millis = FIRST_BACKOFF.toMillis() << Math.min(failures, 10);
        millis = Math.min(millis, max);
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    /**
     * {@link #EARLY_PAUSE} doubled for each early, empty connect in a row beyond the first, capped at the back-off's
     * cap, plus up to half again of jitter: never less than the pause, so at most ten such connects a second.
     */
    private Duration earlyPause() {
        long millis = Math.min(EARLY_PAUSE.toMillis() << Math.min(earlyEmpty - 1, 10), MAX_BACKOFF.toMillis());
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String excerpt(String error) {
        String text = error.isEmpty() ? "(no error given)" : error;
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
