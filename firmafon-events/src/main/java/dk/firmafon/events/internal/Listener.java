package dk.firmafon.events.internal;

import dk.firmafon.events.Gap;
import dk.firmafon.events.LiveEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One subscriber of a shared feed session: the channels it asked for, its bounded buffer, and the events it has
 * seen lately (the same event on two of its channels is delivered once). Overflow policy: while the buffer is full,
 * new events are dropped; the next event that fits is preceded by a {@link Gap} of reason {@code OVERFLOW}.
 */
final class Listener {
    private static final int REMEMBERED = 512;

    final List<String> channels;
    private final Sinks.Many<LiveEvent> sink;
    private final Clock clock;
    private final Map<String, Boolean> recent = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private long dropped;

    Listener(List<String> channels, int buffer, Clock clock) {
        this.channels = List.copyOf(channels);
        this.sink = Sinks.many()
                .unicast()
                .onBackpressureBuffer(Queues.<LiveEvent>get(buffer).get());
        this.clock = clock;
    }

    Flux<LiveEvent> flux() {
        return sink.asFlux();
    }

    boolean wants(String channel) {
        for (String pattern : channels) {
            if (Channels.matches(pattern, channel)) {
                return true;
            }
        }
        return false;
    }

    /** Delivers {@code event} unless this listener saw the same event lately. */
    synchronized void offer(LiveEvent event) {
        if (recent.put(Events.identity(event), Boolean.TRUE) != null) {
            return;
        }
        emit(event);
    }

    synchronized void emit(LiveEvent event) {
        if (dropped > 0) {
            Gap gap = new Gap(
                    Gap.Reason.OVERFLOW,
                    clock.instant(),
                    dropped + " event(s) dropped: the subscriber was slower than the feed");
            if (sink.tryEmitNext(gap).isFailure()) {
                dropped++;
                return;
            }
            dropped = 0;
        }
        if (sink.tryEmitNext(event).isFailure()) {
            dropped++;
        }
    }

    synchronized void fail(Throwable error) {
        sink.tryEmitError(error);
    }
}
