package dk.firmafon.calls;

import dk.firmafon.calls.model.CallDirection;
import dk.firmafon.calls.model.CallStatus;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.FirmafonModel;
import dk.firmafon.core.model.PhoneNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Filters and page size for {@link CallsClient#list(CallQuery)} and {@link CallsClient#page(CallQuery,
 * dk.firmafon.core.PageCursor)}; each attribute names the {@code GET /calls} query parameter it is sent as. Unset
 * filters are not sent. The values are checked when the query is used: a bad one makes the listing fail with an
 * {@link IllegalArgumentException} naming it, before anything is sent.
 *
 * <pre>{@code
 * CallQuery query = CallQuery.builder()
 *     .endpoint(Endpoint.reception(7))
 *     .direction(CallDirection.INCOMING)
 *     .startedAtOrAfter(Instant.parse("2025-06-01T00:00:00Z"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@FirmafonModel
public abstract class CallQuery {
    CallQuery() {}

    /** The largest page the API serves. */
    public static final int MAX_LIMIT = 100;

    /** Calls per request, 1 to {@value #MAX_LIMIT}: {@code limit}. Defaults to {@value #MAX_LIMIT}, the fewest requests. */
    @Value.Default
    public int limit() {
        return MAX_LIMIT;
    }

    /** Only calls through this endpoint, e.g. {@code Reception#7}: {@code endpoint}. */
    public abstract Optional<Endpoint> endpoint();

    /** Only calls to or from this number: {@code number}. */
    public abstract Optional<PhoneNumber> number();

    /** Only calls in this direction: {@code direction}. */
    public abstract Optional<CallDirection> direction();

    /** Only calls with this status: {@code status}. */
    public abstract Optional<CallStatus> status();

    /**
     * Only calls that started at or before this instant: {@code started_at_lt_or_eq}. This is also the paging
     * cursor, so it is where the listing starts; the pager moves it back page by page. The API compares whole seconds:
     * a fraction is cut off when sent, so an exclusive end is better given to {@link Builder#startedBetween}.
     */
    public abstract Optional<Instant> startedAtOrBefore();

    /** Only calls that started at or after this instant: {@code started_at_gt_or_eq}. */
    public abstract Optional<Instant> startedAtOrAfter();

    /** Only calls that ended at or before this instant: {@code ended_at_lt_or_eq}. */
    public abstract Optional<Instant> endedAtOrBefore();

    /** Only calls that ended at or after this instant: {@code ended_at_gt_or_eq}. */
    public abstract Optional<Instant> endedAtOrAfter();

    /** No filter, pages of {@value #MAX_LIMIT}: the whole call history. */
    public static CallQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CallQuery}. */
    public static final class Builder extends ImmutableCallQuery.Builder {
        Builder() {}

        /**
         * Only calls that started in {@code [from, toExclusive)}: sets {@code startedAtOrAfter(from)} and
         * {@code startedAtOrBefore} to the last whole second before {@code toExclusive} (the API compares whole
         * seconds, inclusive at both ends; subtracting a nanosecond yourself would be cut back to {@code toExclusive}
         * itself). {@code from} with a fraction of a second is rounded up to the next whole second, so no call before
         * it is included.
         *
         * @throws IllegalArgumentException when either is null or {@code toExclusive} is not after {@code from}
         */
        public Builder startedBetween(Instant from, Instant toExclusive) {
            if (from == null || toExclusive == null) {
                throw new IllegalArgumentException((from == null ? "from" : "toExclusive") + " must not be null");
            }
            if (!toExclusive.isAfter(from)) {
                throw new IllegalArgumentException(
                        "toExclusive must be after from, was " + toExclusive + " for from " + from);
            }
            Instant first = from.getNano() == 0
                    ? from
                    : from.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Instant last = toExclusive.getNano() == 0
                    ? toExclusive.minusSeconds(1)
                    : toExclusive.truncatedTo(ChronoUnit.SECONDS);
            startedAtOrAfter(first);
            startedAtOrBefore(last.isBefore(first) ? first : last);
            return this;
        }

        /**
         * Only calls that started on {@code day} in {@code zone}: from its first moment there to the next day's
         * (a day of 23 or 25 hours where the clocks change). {@code startedOn(LocalDate.now(zone), zone)} is "today".
         *
         * @throws IllegalArgumentException when either is null
         */
        public Builder startedOn(LocalDate day, ZoneId zone) {
            if (day == null || zone == null) {
                throw new IllegalArgumentException((day == null ? "day" : "zone") + " must not be null");
            }
            return startedBetween(
                    day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant());
        }

        /**
         * Only calls that started in {@code month} in {@code zone}: "last month" is
         * {@code startedIn(YearMonth.now(zone).minusMonths(1), zone)}.
         *
         * @throws IllegalArgumentException when either is null
         */
        public Builder startedIn(YearMonth month, ZoneId zone) {
            if (month == null || zone == null) {
                throw new IllegalArgumentException((month == null ? "month" : "zone") + " must not be null");
            }
            return startedBetween(
                    month.atDay(1).atStartOfDay(zone).toInstant(),
                    month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        }
    }
}
