package dk.firmafon.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.calls.CallQuery;
import dk.firmafon.calls.CallsClient;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.support.Arguments;
import dk.firmafon.core.support.Streams;
import dk.firmafon.employees.EmployeesClient;
import dk.firmafon.employees.model.Employee;
import dk.firmafon.error.FirmafonClosedException;
import dk.firmafon.events.internal.FeedSession;
import dk.firmafon.events.internal.Poller;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live call and presence events as a {@code Flux}: from the Faye feed ({@link #events()}), or by polling REST
 * ({@link #poll()}), with a {@link Gap} wherever events may have been missed.
 *
 * <pre>{@code
 * EventsClient events = EventsClient.create(firmafonClient);
 * events.events()                                   // the employee's and the company's call channels
 *       .ofType(CallEvent.class)
 *       .filter(event -> event.name() == CallEventName.RINGING)
 *       .subscribe(event -> openCustomerRecord(event.callUuid()));
 * }</pre>
 *
 * <p>All subscribers of one {@code EventsClient} share one feed session (one handshake); the session ends, with
 * {@code /meta/disconnect}, when the last subscriber cancels. Streams are cold: nothing is sent before subscription.
 * Delivery is at most once: the feed replays nothing, so a re-established session is a {@link Gap}
 * ({@link EventsSettings#resyncAfterGap()} follows it with a snapshot from REST). A slow subscriber never grows memory
 * without bound: beyond {@link EventsSettings#buffer()} waiting events, newer ones are dropped and a {@link Gap} of
 * reason {@code OVERFLOW} precedes the next one delivered.
 *
 * <p>Evidence: Relatel's copy of the pub/sub page is marked deprecated and still names {@code pubsub.firmafon.dk};
 * polling REST always works.
 */
public final class EventsClient {
    private final FirmafonClient client;
    private final EventsSettings settings;
    private final FeedSession feed;
    private final Poller poller;
    private final CallsClient calls;

    private EventsClient(FirmafonClient client, EventsSettings settings) {
        this.client = client;
        this.settings = settings;
        this.calls = CallsClient.create(client);
        ObjectMapper mapper = client.objectMapper();
        Clock clock = Clock.systemUTC();
        this.poller = new Poller(calls, mapper, clock);
        this.feed = new FeedSession(
                client,
                settings.feedUri(),
                settings.app(),
                settings.allowInsecureHttp(),
                settings.webSocket(),
                settings.pollingFallbackAfter(),
                settings.buffer(),
                clock,
                settings.resyncAfterGap() ? gap -> snapshot(mapper) : null);
    }

    /** An events client over {@code client} (which it shares, not owns) with {@link EventsSettings#defaults()}. */
    public static EventsClient create(FirmafonClient client) {
        return create(client, EventsSettings.defaults());
    }

    /** An events client over {@code client} (which it shares, not owns). */
    public static EventsClient create(FirmafonClient client, EventsSettings settings) {
        return new EventsClient(
                Arguments.required("client", client, "FirmafonClient.builder()...build()"),
                Arguments.required("settings", settings, "EventsSettings.defaults()"));
    }

    /** The settings. */
    public EventsSettings settings() {
        return settings;
    }

    /**
     * The events of the authenticated employee's channels: {@code /call2/employee/<id>} and
     * {@code /call2/company/<company_id>}, from {@code GET /employee}.
     */
    public Flux<LiveEvent> events() {
        return EmployeesClient.create(client)
                .me()
                .map(EventsClient::defaultChannels)
                .flatMapMany(this::events);
    }

    /**
     * The events of {@code channels} (Bayeux names, e.g. {@code /call2/company/42}; wildcards allowed). With
     * {@link EventsSettings#pollingFallbackAfter()} set, a feed that cannot be reached that many times running is
     * replaced by the polling source, after a {@link Gap} that says so.
     */
    public Flux<LiveEvent> events(List<String> channels) {
        if (channels == null) {
            return Flux.error(new IllegalArgumentException("channels must not be null"));
        }
        Flux<LiveEvent> live = feed.subscribe(channels);
        if (settings.pollingFallbackAfter() == 0) {
            return endingOnShutdown(live);
        }
        return endingOnShutdown(live)
                .onErrorResume(
                        error -> error instanceof FeedException feedError
                                && feedError.reason() == FeedException.Reason.UNREACHABLE,
                        error -> Flux.<LiveEvent>just(new Gap(
                                        Gap.Reason.RECONNECT,
                                        java.time.Instant.now(),
                                        error.getMessage() + "; polling REST instead"))
                                .concatWith(poll()));
    }

    /** The feed's default channels for {@code employee}. */
    public static List<String> defaultChannels(Employee employee) {
        List<String> channels = new ArrayList<>(2);
        channels.add("/call2/employee/" + employee.id());
        employee.companyId().ifPresent(company -> channels.add("/call2/company/" + company));
        return channels;
    }

    /** The polling source, every {@link EventsSettings#pollInterval()}: the same call events, from REST. */
    public Flux<LiveEvent> poll() {
        return poll(settings.pollInterval());
    }

    /** The polling source, every {@code interval} (at least 100 ms). */
    public Flux<LiveEvent> poll(Duration interval) {
        if (interval == null || interval.toMillis() < 100) {
            return Flux.error(new IllegalArgumentException("interval must be at least 100 ms, was " + interval));
        }
        return endingOnShutdown(poller.poll(interval));
    }

    /**
     * Verified webhook deliveries as the same event stream: a delivery naming a call (its payload's
     * {@code call_uuid}) is a wake-up, answered by fetching the call from REST ({@code GET /calls/:uuid}) and
     * emitting it as a {@link CallEvent} named after the delivery's {@code event_type} ({@code call.created},
     * {@code call.ended}, ...; source {@code WEBHOOK}); any other delivery is an {@link OtherEvent} holding its
     * payload. A call that cannot be fetched is emitted as an {@link OtherEvent} too, never dropped.
     */
    public Flux<LiveEvent> fromWebhooks(WebhookReceiver receiver) {
        if (receiver == null) {
            return Flux.error(new IllegalArgumentException("receiver must not be null"));
        }
        ObjectMapper mapper = client.objectMapper();
        return endingOnShutdown(receiver.deliveries()).concatMap(delivery -> delivery.callUuid()
                .<org.reactivestreams.Publisher<LiveEvent>>map(uuid -> calls.get(uuid)
                        .<LiveEvent>map(call -> new CallEvent(
                                CallEventName.of(delivery.eventType()),
                                "webhook",
                                LiveEvent.Source.WEBHOOK,
                                delivery.occurredAt().map(java.time.OffsetDateTime::toInstant),
                                mapper.valueToTree(call)))
                        .onErrorResume(error ->
                                Mono.just(new OtherEvent("webhook", LiveEvent.Source.WEBHOOK, delivery.payload()))))
                .orElseGet(() -> Mono.just(new OtherEvent("webhook", LiveEvent.Source.WEBHOOK, delivery.payload()))));
    }

    /**
     * {@code stream}, ended with a {@link FirmafonClosedException} as soon as the client begins to shut down
     * ({@code close()} or the start of a graceful close): a live stream never ends by itself, so a graceful close must
     * not wait for it. Cancelling it ends the feed session with the last subscriber (its WebSocket closed, its loop
     * stopped); nothing more is sent, since the closed client refuses every request.
     */
    private <T> Flux<T> endingOnShutdown(Flux<T> stream) {
        return Streams.cutBy(
                stream,
                client.onShutdown(),
                () -> new FirmafonClosedException(
                        "the FirmafonClient was closed: the live-event stream ended (nothing more is sent)", false));
    }

    /** After a gap: the live call legs and the newest calls, as snapshot events. */
    private Flux<LiveEvent> snapshot(ObjectMapper mapper) {
        Flux<LiveEvent> live = calls.live()
                .map(node -> new CallEvent(
                        Gap.SNAPSHOT_LIVE,
                        "resync",
                        LiveEvent.Source.POLLING,
                        Optional.empty(),
                        mapper.valueToTree(node)));
        Flux<LiveEvent> recent = calls.page(CallQuery.builder().limit(10).build(), null)
                .flatMapIterable(page -> page.items())
                .map(call -> new CallEvent(
                        Gap.SNAPSHOT_RECENT,
                        "resync",
                        LiveEvent.Source.POLLING,
                        Optional.empty(),
                        mapper.valueToTree(call)));
        return live.concatWith(recent);
    }
}
