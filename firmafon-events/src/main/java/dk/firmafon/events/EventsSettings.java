package dk.firmafon.events;

import java.net.URI;
import java.time.Duration;

/**
 * How an {@link EventsClient} reaches the live events. Immutable; {@link #defaults()} and the {@code with...}
 * methods make new ones.
 *
 * @param feedUri the Faye feed: {@code FIRMAFON_PUBSUB}, {@code https://pubsub.firmafon.dk/faye}, by default. The
 *     feed host receives the access token (in each message's {@code ext}); no other host but the API's does
 * @param app the application's name, sent in {@code ext.app}
 * @param buffer how many events wait for a slow subscriber before newer ones are dropped (and a {@link Gap} says
 *     so); at least 1
 * @param resyncAfterGap after a {@link Gap}, emit a snapshot from REST (live call legs and the newest calls)
 * @param pollInterval how often the polling source ({@link EventsClient#poll()}) asks REST
 * @param allowInsecureHttp allow a plain-http feed on a host that is not loopback (never over the internet)
 * @param webSocket try a WebSocket first (falling back to long-polling when the upgrade is refused or the socket keeps
 *     failing); {@code false}: long-polling only
 * @param pollingFallbackAfter {@code 0}: the feed session keeps trying however long the feed is unreachable; {@code n}:
 *     after {@code n} failed attempts running, {@link EventsClient#events(java.util.List)} says so with a {@link Gap}
 *     and goes on with the polling source (call events only)
 */
public record EventsSettings(
        URI feedUri,
        String app,
        int buffer,
        boolean resyncAfterGap,
        Duration pollInterval,
        boolean allowInsecureHttp,
        boolean webSocket,
        int pollingFallbackAfter) {
    /** Firmafon's (and Relatel's) feed. */
    public static final URI FIRMAFON_PUBSUB = URI.create("https://pubsub.firmafon.dk/faye");

    /** Checks every component, naming the bad one. */
    public EventsSettings {
        if (feedUri == null || !feedUri.isAbsolute() || feedUri.getHost() == null) {
            throw new IllegalArgumentException("feedUri must be an absolute http(s) URI with a host, was " + feedUri);
        }
        if (app == null || app.isBlank()) {
            throw new IllegalArgumentException("app must not be null or blank");
        }
        if (buffer < 1) {
            throw new IllegalArgumentException("buffer must be at least 1, was " + buffer);
        }
        if (pollingFallbackAfter < 0) {
            throw new IllegalArgumentException(
                    "pollingFallbackAfter must not be negative, was " + pollingFallbackAfter);
        }
        if (pollInterval == null || pollInterval.toMillis() < 100) {
            throw new IllegalArgumentException("pollInterval must be at least 100 ms, was " + pollInterval);
        }
    }

    /**
     * The feed at {@link #FIRMAFON_PUBSUB} over a WebSocket (long-polling as the fallback), app
     * {@code firmafon-java-sdk}, 1,024 buffered, no resync, polls every 5 s.
     */
    public static EventsSettings defaults() {
        return new EventsSettings(
                FIRMAFON_PUBSUB, "firmafon-java-sdk", 1_024, false, Duration.ofSeconds(5), false, true, 0);
    }

    public EventsSettings withFeedUri(URI uri) {
        return new EventsSettings(
                uri, app, buffer, resyncAfterGap, pollInterval, allowInsecureHttp, webSocket, pollingFallbackAfter);
    }

    public EventsSettings withApp(String name) {
        return new EventsSettings(
                feedUri,
                name,
                buffer,
                resyncAfterGap,
                pollInterval,
                allowInsecureHttp,
                webSocket,
                pollingFallbackAfter);
    }

    public EventsSettings withBuffer(int events) {
        return new EventsSettings(
                feedUri, app, events, resyncAfterGap, pollInterval, allowInsecureHttp, webSocket, pollingFallbackAfter);
    }

    public EventsSettings withResyncAfterGap(boolean resync) {
        return new EventsSettings(
                feedUri, app, buffer, resync, pollInterval, allowInsecureHttp, webSocket, pollingFallbackAfter);
    }

    public EventsSettings withPollInterval(Duration interval) {
        return new EventsSettings(
                feedUri, app, buffer, resyncAfterGap, interval, allowInsecureHttp, webSocket, pollingFallbackAfter);
    }

    public EventsSettings withAllowInsecureHttp(boolean allow) {
        return new EventsSettings(
                feedUri, app, buffer, resyncAfterGap, pollInterval, allow, webSocket, pollingFallbackAfter);
    }

    public EventsSettings withWebSocket(boolean tryWebSocket) {
        return new EventsSettings(
                feedUri,
                app,
                buffer,
                resyncAfterGap,
                pollInterval,
                allowInsecureHttp,
                tryWebSocket,
                pollingFallbackAfter);
    }

    /** Fall back to polling after {@code failedAttempts} failed feed attempts running; {@code 0} never. */
    public EventsSettings withPollingFallbackAfter(int failedAttempts) {
        return new EventsSettings(
                feedUri, app, buffer, resyncAfterGap, pollInterval, allowInsecureHttp, webSocket, failedAttempts);
    }
}
