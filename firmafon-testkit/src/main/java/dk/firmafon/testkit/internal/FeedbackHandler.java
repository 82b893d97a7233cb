package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Smileys ({@code GET /smileys}, {@code GET /smileys/statistics}), call recordings
 * ({@code GET /call_recordings/:id}, {@code GET /call_recordings/:id/sound}) and aggregated statistics
 * ({@code GET /statistics}). The paths are the SDK's inferred ones; the statistics' shapes are this fake's own (the
 * reference does not show them): counts the fake computes from its seeded calls and smileys.
 */
final class FeedbackHandler {
    private static final Set<String> ENDPOINT_TYPES = Set.of("Reception", "ChatReception", "Employee");
    private static final Set<String> GROUPINGS = Set.of(
            "employee_id",
            "reception_id",
            "chat_reception_id",
            "ivr_key",
            "period_month",
            "period_week",
            "period_day",
            "period_hour");

    private final FakeState state;

    FeedbackHandler(FakeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get("/smileys", this::smileys)
                .get("/smileys/statistics", this::smileyStatistics)
                .get("/call_recordings/:id", exchange -> Reply.ok("call_recording", recording(exchange)))
                .get("/call_recordings/:id/sound", this::sound)
                .get("/statistics", this::statistics);
    }

    private Reply smileys(Exchange exchange) {
        int limit = Listing.limit(exchange, 10);
        return Reply.ok("smileys", Listing.page(state.smileys, endpointFilter(exchange), limit));
    }

    private Predicate<ObjectNode> endpointFilter(Exchange exchange) {
        return Listing.equal(exchange, "endpoint", "endpoint");
    }

    private Reply smileyStatistics(Exchange exchange) {
        Predicate<ObjectNode> filter = endpointFilter(exchange);
        long total = 0;
        Map<String, Long> byKind = new TreeMap<>(Map.of("negative", 0L, "neutral", 0L, "positive", 0L));
        for (ObjectNode smiley : state.smileys) {
            if (filter.test(smiley)) {
                total++;
                byKind.merge(smiley.path("kind").asText(), 1L, Long::sum);
            }
        }
        ObjectNode statistics = Json.object().put("total", total);
        byKind.forEach(statistics::put);
        // net promoter score: % promoters (positive) minus % detractors (negative)
        statistics.put(
                "net_promoter_score",
                total == 0 ? 0 : Math.round(100.0 * (byKind.get("positive") - byKind.get("negative")) / total));
        return Reply.ok("statistics", statistics);
    }

    private ObjectNode recording(Exchange exchange) {
        ObjectNode recording = state.recordings.get(exchange.idParam("id"));
        if (recording == null) {
            throw HttpError.notFound();
        }
        return recording;
    }

    private Reply sound(Exchange exchange) {
        long id = recording(exchange).get("id").asLong();
        long size = state.recordingSizes.get(id);
        return Reply.streamed("audio/mpeg", size, Sound.source(id + 1_000_000, size));
    }

    private Reply statistics(Exchange exchange) {
        String type = exchange.param("endpoint_type")
                .orElseThrow(() -> HttpError.unprocessable("endpoint_type", "is required"));
        if (!ENDPOINT_TYPES.contains(type)) {
            throw HttpError.unprocessable("endpoint_type", "is not one of " + ENDPOINT_TYPES + ": " + type);
        }
        Set<String> endpoints = new java.util.HashSet<>();
        exchange.param("endpoint").ifPresent(list -> {
            for (String endpoint : list.split(",")) {
                if (!endpoint.strip().startsWith(type + "#")) {
                    throw HttpError.unprocessable("endpoint", "must all be of type " + type + ": " + endpoint);
                }
                endpoints.add(endpoint.strip());
            }
        });
        exchange.param("group_by").ifPresent(list -> {
            for (String grouping : list.split(",")) {
                if (!GROUPINGS.contains(grouping.strip())) {
                    throw HttpError.unprocessable("group_by", "is not a grouping: " + grouping);
                }
            }
        });
        Instant start = exchange.timeParam("start").orElse(Instant.MIN);
        Instant end = exchange.timeParam("end").orElse(Instant.MAX);
        Map<String, long[]> perEndpoint = new TreeMap<>();
        for (ObjectNode call : state.calls) {
            String endpoint = call.path("endpoint").asText();
            Instant started = Json.instant(call, "started_at");
            if (!endpoint.startsWith(type + "#")
                    || (!endpoints.isEmpty() && !endpoints.contains(endpoint))
                    || started == null
                    || started.isBefore(start)
                    || started.isAfter(end)) {
                continue;
            }
            long[] counts = perEndpoint.computeIfAbsent(endpoint, e -> new long[2]);
            counts[0]++;
            if ("answered".equals(call.path("status").asText())) {
                counts[1]++;
            }
        }
        ArrayNode rows = Json.array();
        perEndpoint.forEach((endpoint, counts) -> rows.addObject()
                .put("endpoint", endpoint)
                .put("calls", counts[0])
                .put("answered", counts[1])
                .put("missed", counts[0] - counts[1]));
        return Reply.ok("statistics", rows);
    }
}
