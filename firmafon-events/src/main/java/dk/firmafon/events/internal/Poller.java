package dk.firmafon.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.calls.CallQuery;
import dk.firmafon.calls.CallsClient;
import dk.firmafon.calls.model.Call;
import dk.firmafon.calls.model.CallNode;
import dk.firmafon.events.CallEvent;
import dk.firmafon.events.CallEventName;
import dk.firmafon.events.Gap;
import dk.firmafon.events.LiveEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The polling source: every interval, {@code GET /call_nodes/live} and the newest page of {@code GET /calls},
 * diffed against the previous poll into the feed's call events ({@code call.new}, {@code call.answer},
 * {@code call.hangup}). The first poll is the baseline and emits nothing. A failed poll is skipped; the next good
 * one is preceded by a {@link Gap} ({@code RECONNECT}); a newest page that holds no call of the previous poll may have
 * missed some ({@code POLL_WINDOW}).
 */
public final class Poller {
    private static final Logger LOG = LoggerFactory.getLogger("dk.firmafon.events");
    private static final int PAGE = 50;
    private static final int REMEMBERED = 2_000;

    private final CallsClient calls;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Poller(CallsClient calls, ObjectMapper mapper, Clock clock) {
        this.calls = calls;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** What one poll saw. */
    record Snapshot(Map<String, CallNode> live, List<Call> newest) {}

    public Flux<LiveEvent> poll(Duration interval) {
        return Flux.defer(() -> {
            State state = new State();
            return Flux.interval(Duration.ZERO, interval, Schedulers.parallel())
                    .onBackpressureDrop()
                    .concatMap(
                            tick -> snapshot()
                                    .map(snapshot -> state.diff(snapshot))
                                    .onErrorResume(error -> {
                                        LOG.debug("a poll failed: {}", error.toString());
                                        state.failed = true;
                                        return Mono.just(List.of());
                                    }),
                            1)
                    .concatMapIterable(events -> events);
        });
    }

    private Mono<Snapshot> snapshot() {
        Mono<Map<String, CallNode>> live = calls.live()
                .collectMap(node -> node.callUuid().orElse(node.nodeUuid()), node -> node, LinkedHashMap::new);
        Mono<List<Call>> newest =
                calls.page(CallQuery.builder().limit(PAGE).build(), null).map(page -> page.items());
        // one after the other: a call that ends between the two requests is then in the newest page
        return live.flatMap(nodes -> newest.map(calls -> new Snapshot(nodes, calls)));
    }

    private final class State {
        private Map<String, CallNode> live = Map.of();
        private final Map<String, Boolean> ended = new LinkedHashMap<>(256, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        };
        private final Map<String, Boolean> seen = new HashMap<>();
        private boolean baseline = true;
        private boolean failed;

        List<LiveEvent> diff(Snapshot now) {
            List<LiveEvent> events = new ArrayList<>();
            if (failed && !baseline) {
                events.add(
                        new Gap(Gap.Reason.RECONNECT, clock.instant(), "polling failed; events in between are lost"));
            }
            failed = false;
            Map<String, Call> byUuid = new HashMap<>();
            for (Call call : now.newest()) {
                byUuid.put(call.callUuid(), call);
            }
            if (!baseline) {
                boolean overlaps = now.newest().isEmpty() || now.newest().size() < PAGE;
                for (Call call : now.newest()) {
                    overlaps |= seen.containsKey(call.callUuid());
                }
                if (!overlaps) {
                    events.add(new Gap(
                            Gap.Reason.POLL_WINDOW,
                            clock.instant(),
                            "more than " + PAGE + " calls since the last poll: some may have been missed"));
                }
                for (Map.Entry<String, CallNode> entry : now.live().entrySet()) {
                    CallNode before = live.get(entry.getKey());
                    if (before == null) {
                        events.add(event(CallEventName.NEW, json(entry.getValue())));
                    } else if (isAnswered(entry.getValue()) && !isAnswered(before)) {
                        events.add(event(CallEventName.ANSWER, json(entry.getValue())));
                    }
                }
                for (Map.Entry<String, CallNode> entry : live.entrySet()) {
                    if (!now.live().containsKey(entry.getKey())) {
                        Call call = byUuid.get(entry.getKey());
                        events.add(event(CallEventName.HANGUP, call != null ? json(call) : json(entry.getValue())));
                        ended.put(entry.getKey(), Boolean.TRUE);
                    }
                }
                for (Call call : now.newest()) {
                    if (!seen.containsKey(call.callUuid())
                            && !now.live().containsKey(call.callUuid())
                            && !ended.containsKey(call.callUuid())
                            && call.endedAt().isPresent()) {
                        events.add(event(CallEventName.HANGUP, json(call))); // began and ended between two polls
                        ended.put(call.callUuid(), Boolean.TRUE);
                    }
                }
            }
            seen.clear();
            now.newest().forEach(call -> seen.put(call.callUuid(), Boolean.TRUE));
            live = now.live();
            baseline = false;
            return events;
        }

        private CallEvent event(CallEventName name, JsonNode data) {
            return new CallEvent(name, "polling", LiveEvent.Source.POLLING, Optional.empty(), data);
        }
    }

    private static boolean isAnswered(CallNode node) {
        return node.answeredAt().isPresent()
                || node.state().map(state -> state.value().equals("answered")).orElse(false);
    }

    private JsonNode json(Object model) {
        return mapper.valueToTree(model);
    }
}
