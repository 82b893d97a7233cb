package dk.firmafon.calls;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A WireMock transformer answering {@code GET /calls} from {@link #history} like the service: newest first, at most
 * {@code limit} calls, only those that started at or before {@code started_at_lt_or_eq} and at or after
 * {@code started_at_gt_or_eq} (both inclusive), calls without
 * {@code started_at} first and only when there is no cursor (SQL compares nothing with null).
 */
final class FakeCallHistory implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fake-call-history";
    private static final ZoneOffset COPENHAGEN_SUMMER = ZoneOffset.ofHours(2);

    /** The history served, newest first; set by each test before it lists. */
    static volatile List<FakeCall> history = List.of();

    /** One call of the history; written with {@code Z} or with {@code +02:00}. */
    record FakeCall(String uuid, Optional<Instant> startedAt, boolean zulu) {
        String json() {
            String at = startedAt
                    .map(t ->
                            zulu ? t.toString() : t.atOffset(COPENHAGEN_SUMMER).toString())
                    .map(text -> "\"" + text + "\"")
                    .orElse("null");
            return "{\"call_uuid\": \"" + uuid + "\", \"started_at\": " + at + ", \"status\": \"answered\"}";
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        int limit = Integer.parseInt(event.getRequest().queryParameter("limit").firstValue());
        QueryParameter cursor = event.getRequest().queryParameter("started_at_lt_or_eq");
        Optional<Instant> bound = cursor.isPresent()
                ? Optional.of(OffsetDateTime.parse(cursor.firstValue()).toInstant())
                : Optional.empty();
        QueryParameter floor = event.getRequest().queryParameter("started_at_gt_or_eq");
        Optional<Instant> lower = floor.isPresent()
                ? Optional.of(OffsetDateTime.parse(floor.firstValue()).toInstant())
                : Optional.empty();
        String page = history.stream()
                .filter(call -> bound.isEmpty()
                        || call.startedAt().isPresent()
                                && !call.startedAt().get().isAfter(bound.get()))
                .filter(call -> lower.isEmpty()
                        || call.startedAt().isPresent()
                                && !call.startedAt().get().isBefore(lower.get()))
                .limit(limit)
                .map(FakeCall::json)
                .collect(Collectors.joining(", ", "{\"calls\": [", "]}"));
        return ResponseDefinition.okForJson(Fixtures.readTree(page));
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
