package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;

/** {@code /receptions} and {@code /receptions/:id}. */
final class ReceptionsHandler {

    private final FakeState state;

    ReceptionsHandler(FakeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get(
                        "/receptions",
                        exchange -> Reply.ok("receptions", Json.array(new ArrayList<>(state.receptions.values()))))
                .get("/receptions/:id", this::get)
                .get("/receptions/:id/statistics", this::statistics);
    }

    private Reply get(Exchange exchange) {
        ObjectNode reception = state.receptions.get(exchange.idParam("id"));
        if (reception == null) {
            throw HttpError.notFound();
        }
        return Reply.ok("reception", reception);
    }

    /**
     * {@code GET /receptions/:id/statistics}: the figures of the reception's calls that started within
     * {@code from_time}..{@code to_time}, answer times and durations in seconds, {@code within_target} against
     * {@code answer_target} (default 20 s). The fake has no opening hours: {@code phase} is checked, not applied.
     */
    private Reply statistics(Exchange exchange) {
        ObjectNode reception = state.receptions.get(exchange.idParam("id"));
        if (reception == null) {
            throw HttpError.notFound();
        }
        long target = exchange.param("answer_target")
                .map(value -> {
                    try {
                        long seconds = Long.parseLong(value);
                        if (seconds < 1) {
                            throw new NumberFormatException();
                        }
                        return seconds;
                    } catch (NumberFormatException e) {
                        throw HttpError.unprocessable("answer_target", "must be a positive number of seconds");
                    }
                })
                .orElse(20L);
        exchange.param("phase").ifPresent(phases -> {
            for (String phase : phases.split(",")) {
                if (!java.util.Set.of("open", "closed", "backup").contains(phase.strip())) {
                    throw HttpError.unprocessable("phase", "is not one of open, closed, backup: " + phase);
                }
            }
        });
        java.time.Instant from = exchange.timeParam("from_time").orElse(java.time.Instant.MIN);
        java.time.Instant to = exchange.timeParam("to_time").orElse(java.time.Instant.MAX);
        String endpoint = reception.get("endpoint").asText();
        long total = 0;
        long answered = 0;
        long answeredWithin = 0;
        long missedWithin = 0;
        double answerSeconds = 0;
        double durationSeconds = 0;
        long withDuration = 0;
        for (ObjectNode call : state.calls) {
            java.time.Instant started = Json.instant(call, "started_at");
            if (!endpoint.equals(call.path("endpoint").asText())
                    || started == null
                    || started.isBefore(from)
                    || started.isAfter(to)) {
                continue;
            }
            total++;
            java.time.Instant answeredAt = Json.instant(call, "answered_at");
            java.time.Instant endedAt = Json.instant(call, "ended_at");
            if (answeredAt != null) {
                answered++;
                long toAnswer = java.time.Duration.between(started, answeredAt).getSeconds();
                answerSeconds += toAnswer;
                if (toAnswer <= target) {
                    answeredWithin++;
                }
                if (endedAt != null) {
                    durationSeconds +=
                            java.time.Duration.between(answeredAt, endedAt).getSeconds();
                    withDuration++;
                }
            } else if (endedAt != null
                    && java.time.Duration.between(started, endedAt).getSeconds() <= target) {
                missedWithin++;
            }
        }
        ObjectNode statistics = Json.object()
                .put("total", total)
                .put("answered", answered)
                .put("missed", total - answered)
                .put("average_answer_time", answered == 0 ? 0.0 : answerSeconds / answered)
                .put("average_duration", withDuration == 0 ? 0.0 : durationSeconds / withDuration);
        statistics.set(
                "within_target", Json.object().put("missed", missedWithin).put("answered", answeredWithin));
        return Reply.ok("statistics", statistics);
    }
}
