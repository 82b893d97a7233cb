package dk.firmafon.calls;

import dk.firmafon.core.model.Endpoint;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What {@code GET /statistics} aggregates: the endpoint type ({@code endpoint_type}), the period ({@code start},
 * {@code end}, ISO 8601), optionally some endpoints of that one type ({@code endpoint}) and how to group the figures
 * ({@code group_by}). Immutable; checked by {@link StatisticsClient#statistics(StatisticsQuery)} before anything is
 * sent.
 *
 * <pre>{@code
 * StatisticsQuery.of(StatisticsQuery.EndpointType.RECEPTION)
 *     .between(monthStart, monthEnd)
 *     .withEndpoints(List.of(Endpoint.reception(7)))
 *     .groupedBy(List.of(StatisticsQuery.Grouping.PERIOD_DAY))
 * }</pre>
 *
 * @param endpointType whose statistics
 * @param start the period's start, if bounded
 * @param end the period's end, if bounded
 * @param endpoints the endpoints to include (all of {@code endpointType}'s type); empty for all
 * @param groupBy the groupings, in order; empty for one total
 */
public record StatisticsQuery(
        EndpointType endpointType,
        Optional<OffsetDateTime> start,
        Optional<OffsetDateTime> end,
        List<Endpoint> endpoints,
        List<Grouping> groupBy) {

    /** The {@code endpoint_type} values. */
    public enum EndpointType {
        RECEPTION(Endpoint.RECEPTION),
        CHAT_RECEPTION(Endpoint.CHAT_RECEPTION),
        EMPLOYEE(Endpoint.EMPLOYEE);

        private final String wire;

        EndpointType(String wire) {
            this.wire = wire;
        }

        /** As sent, e.g. {@code ChatReception}; also the type of its endpoints ({@code ChatReception#3}). */
        public String value() {
            return wire;
        }
    }

    /** The {@code group_by} values. */
    public enum Grouping {
        EMPLOYEE_ID,
        RECEPTION_ID,
        CHAT_RECEPTION_ID,
        IVR_KEY,
        PERIOD_MONTH,
        PERIOD_WEEK,
        PERIOD_DAY,
        PERIOD_HOUR;

        /** As sent, e.g. {@code period_day}. */
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Null components become empty; the lists are copied. */
    public StatisticsQuery {
        start = start == null ? Optional.empty() : start;
        end = end == null ? Optional.empty() : end;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
    }

    /** All endpoints of {@code type}, over the service's default period, as one total. */
    public static StatisticsQuery of(EndpointType type) {
        return new StatisticsQuery(type, Optional.empty(), Optional.empty(), List.of(), List.of());
    }

    /** This query over {@code start} to {@code end}. */
    public StatisticsQuery between(OffsetDateTime start, OffsetDateTime end) {
        return new StatisticsQuery(
                endpointType, Optional.ofNullable(start), Optional.ofNullable(end), endpoints, groupBy);
    }

    /** This query for {@code endpoints} only (all of the query's endpoint type). */
    public StatisticsQuery withEndpoints(List<Endpoint> endpoints) {
        return new StatisticsQuery(endpointType, start, end, endpoints, groupBy);
    }

    /** This query grouped by {@code groupings}, in order. */
    public StatisticsQuery groupedBy(List<Grouping> groupings) {
        return new StatisticsQuery(endpointType, start, end, endpoints, groupings);
    }
}
