package dk.firmafon.calls;

import dk.firmafon.calls.model.Call;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The paging timestamp of a call: its {@code started_at} by instant. A call without {@code started_at} (still being
 * set up) takes the timestamp of the call before it in the listing, so the cursor stays where it is and no call is
 * skipped; when it comes first it takes the starting bound of the listing, or, without one, a day after the
 * listing began, which lies after every call the service has whatever the two clocks say. The service's inclusive
 * {@code started_at_lt_or_eq} filter never returns such calls again, and the pager drops the ones it has emitted.
 *
 * <p>One instance per subscription: it remembers the last {@code started_at} seen, and the timestamp it gave each
 * call without one, so asking again about the same call gives the same answer.
 */
final class StartedAt implements Function<Call, Instant> {
    private static final Duration AFTER_EVERY_CALL = Duration.ofDays(1);

    private final Map<String, Instant> withoutStartedAt = new HashMap<>();
    private Instant previous;

    StartedAt(Optional<Instant> start) {
        this.previous = start.orElseGet(() -> Instant.now().plus(AFTER_EVERY_CALL));
    }

    @Override
    public synchronized Instant apply(Call call) {
        Optional<Instant> startedAt = call.startedAt().map(OffsetDateTime::toInstant);
        if (startedAt.isPresent()) {
            previous = startedAt.get();
            return previous;
        }
        return withoutStartedAt.computeIfAbsent(call.callUuid(), uuid -> previous);
    }
}
