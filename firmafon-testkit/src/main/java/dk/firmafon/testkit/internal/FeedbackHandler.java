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
 * ({@code GET /statistics}). The paths are the SDK's inferred ones. Statistics take what the reference documents
 * ({@code start} and {@code end} as dates, one {@code group_by} key) and answer rows with its documented properties
 * ({@code key}, the period or {@code endpoint} it stands for) and this fake's own figures ({@code calls},
 * {@code answered}, {@code missed}: the reference's figure names are not shown), computed from the seeded calls.
 */
final class FeedbackHandler {
    private static final java.time.ZoneId COPENHAGEN = java.time.ZoneId.of("Europe/Copenhagen");
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
        String grouping = exchange.param("group_by").map(String::strip).orElse("");
        if (!grouping.isEmpty() && !GROUPINGS.contains(grouping)) {
            throw HttpError.unprocessable("group_by", "is one aggregation key of " + GROUPINGS + ": " + grouping);
        }
        // ISO 8601 dates, as the reference documents them; the end day is included, days are Copenhagen's
        Instant start = date(exchange, "start")
                .map(day -> day.atStartOfDay(COPENHAGEN).toInstant())
                .orElse(Instant.MIN);
        Instant end = date(exchange, "end")
                .map(day -> day.plusDays(1).atStartOfDay(COPENHAGEN).toInstant().minusNanos(1))
                .orElse(Instant.MAX);
        Map<String, long[]> perKey = new TreeMap<>();
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
            boolean answered = "answered".equals(call.path("status").asText());
            String key = key(grouping, call, endpoint, started);
            if (key == null || (grouping.equals("employee_id") && !answered)) {
                continue; // per employee: answered calls only, as the reference says
            }
            long[] counts = perKey.computeIfAbsent(key, k -> new long[2]);
            counts[0]++;
            if (answered) {
                counts[1]++;
            }
        }
        ArrayNode rows = Json.array();
        perKey.forEach((key, counts) -> {
            ObjectNode row = rows.addObject();
            if (!grouping.isEmpty()) {
                row.put("key", key);
                if (grouping.startsWith("period_") || grouping.equals("ivr_key")) {
                    row.put(grouping, key);
                } else {
                    row.put("endpoint", key);
                }
            }
            row.put("calls", counts[0]).put("answered", counts[1]).put("missed", counts[0] - counts[1]);
        });
        return Reply.ok("statistics", rows);
    }

    /** The value of the aggregation key for one call; {@code ""} for one total, null for a call it leaves out. */
    private static @org.jspecify.annotations.Nullable String key(
            String grouping, ObjectNode call, String endpoint, Instant started) {
        java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(started, COPENHAGEN);
        return switch (grouping) {
            case "" -> "";
            case "reception_id", "chat_reception_id" -> endpoint;
            case "employee_id" -> call.path("answered_by").hasNonNull("id")
                    ? "Employee#" + call.path("answered_by").get("id").asLong()
                    : null;
            case "ivr_key" -> "1"; // the fake has no phone menus: every call pressed 1
            case "period_month" -> local.toLocalDate()
                            .withDayOfMonth(1)
                            .atStartOfDay()
                            .toString() + ":00";
            case "period_week" -> local.toLocalDate()
                            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                            .atStartOfDay()
                    + ":00";
            case "period_day" -> local.toLocalDate().atStartOfDay() + ":00";
            default -> local.truncatedTo(java.time.temporal.ChronoUnit.HOURS) + ":00"; // period_hour
        };
    }

    private static java.util.Optional<java.time.LocalDate> date(Exchange exchange, String name) {
        return exchange.param(name).map(value -> {
            try {
                return java.time.LocalDate.parse(value);
            } catch (java.time.DateTimeException notADate) {
                throw HttpError.unprocessable(name, "must be an ISO 8601 date (2018-10-01): " + value);
            }
        });
    }
}
