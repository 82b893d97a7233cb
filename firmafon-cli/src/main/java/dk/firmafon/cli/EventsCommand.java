package dk.firmafon.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.firmafon.events.CallEvent;
import dk.firmafon.events.EventsClient;
import dk.firmafon.events.EventsSettings;
import dk.firmafon.events.Gap;
import dk.firmafon.events.LiveEvent;
import dk.firmafon.events.OtherEvent;
import dk.firmafon.events.PresenceEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;

/** {@code firmafon events}: live call and presence events, one line each, until interrupted or {@code --max}. */
@Command(
        name = "events",
        description = {
            "Live call and presence events, one line each (with --json one JSON object per event).",
            "The feed URL comes from FIRMAFON_PUBSUB_URL (default https://pubsub.firmafon.dk/faye, or the embedded"
                    + " fake's feed when nothing is configured); gap notices go to stderr and do not count towards"
                    + " --max."
        })
final class EventsCommand extends CliCommand {
    static final String PUBSUB_URL = "FIRMAFON_PUBSUB_URL";

    @Option(
            names = "--channel",
            paramLabel = "CHANNEL",
            description = "A channel, e.g. /call2/company/42 (repeatable; default: your employee's and company's).")
    List<String> channels = new ArrayList<>();

    @Option(names = "--poll", description = "Poll REST instead of the feed.")
    boolean poll;

    @Option(names = "--interval", paramLabel = "SECONDS", description = "How often --poll asks REST (default 5).")
    Optional<Long> interval = Optional.empty();

    @Option(names = "--max", paramLabel = "N", description = "Stop after N events (gap notices not counted).")
    Optional<Long> max = Optional.empty();

    EventsCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        EventsSettings settings = EventsSettings.defaults().withApp("firmafon-cli");
        Optional<String> feed = context.env(PUBSUB_URL);
        if (feed.isPresent()) {
            try {
                settings = settings.withFeedUri(URI.create(feed.get()));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(PUBSUB_URL + " is not a URL: " + e.getMessage());
            }
        } else if (context.embedded().isPresent()) {
            settings = settings.withFeedUri(context.embedded().get().feed().uri()); // the fake's own feed
        }
        EventsClient events = EventsClient.create(client(), settings);
        Flux<LiveEvent> stream = poll
                ? events.poll(Duration.ofSeconds(interval.orElse(5L)))
                : channels.isEmpty() ? events.events() : events.events(channels);
        Flux<LiveEvent> shown = stream.doOnNext(event -> {
                    if (event instanceof Gap gap) {
                        err().println("firmafon: gap (" + gap.reason() + "): " + gap.detail());
                        err().flush();
                    }
                })
                .filter(event -> !(event instanceof Gap));
        if (max.isPresent()) {
            shown = shown.take(max.get());
        }
        shown.doOnNext(this::print).blockLast(); // unbounded: a live stream runs until --max events or Ctrl-C
        return ExitCodes.OK;
    }

    private void print(LiveEvent event) {
        if (context.json()) {
            ObjectNode line = client().objectMapper().createObjectNode();
            if (event instanceof CallEvent call) {
                line.put("name", call.name().value()).put("channel", call.channel());
                call.rawData().properties().forEach(field -> line.set(field.getKey(), field.getValue()));
            } else if (event instanceof PresenceEvent presence) {
                line.put("name", "presence").put("channel", presence.channel());
                presence.rawData().properties().forEach(field -> line.set(field.getKey(), field.getValue()));
            } else if (event instanceof OtherEvent other) {
                line.put("name", "other").put("channel", other.channel()).set("message", other.message());
            }
            out().println(line);
        } else if (event instanceof CallEvent call) {
            out().println(String.format(
                    "%-13s %-38s %-14s %s",
                    call.name(),
                    call.callUuid().orElse("-"),
                    call.fromNumber().map(Object::toString).orElse("-"),
                    call.endpoint().map(Object::toString).orElse("-")));
        } else if (event instanceof PresenceEvent presence) {
            out().println(String.format(
                    "%-13s %-22s %s",
                    "presence",
                    presence.endpoint().map(Object::toString).orElse("-"),
                    presence.livePresence().map(Object::toString).orElse("-")));
        } else if (event instanceof OtherEvent other) {
            out().println("other         " + other.channel() + " " + other.message());
        }
        out().flush();
    }
}
