package dk.firmafon.calls;

import dk.firmafon.core.model.Endpoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What {@code GET /statistics} aggregates, as the reference documents its parameters: the endpoint type
 * ({@code endpoint_type}), the period as two ISO 8601 dates ({@code start}, {@code end}, e.g. {@code 2018-10-01} and
 * {@code 2018-10-31}), optionally some endpoints of that one type ({@code endpoint}) and one aggregation key
 * ({@code group_by}). Immutable; checked by {@link StatisticsClient#statistics(StatisticsQuery)} before anything is
 * sent.
 *
 * <pre>{@code
 * StatisticsQuery.of(StatisticsQuery.EndpointType.RECEPTION)
 *     .between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))
 *     .withEndpoints(List.of(Endpoint.reception(7)))
 *     .groupedBy(StatisticsQuery.Grouping.PERIOD_DAY)
 * }</pre>
 *
 * @param endpointType whose statistics
 * @param start the period's first day, if bounded
 * @param end the period's last day, if bounded
 * @param endpoints the endpoints to include (all of {@code endpointType}'s type); empty for all
 * @param groupBy the one aggregation key; empty for one total
 */
public record StatisticsQuery(
        EndpointType endpointType,
        Optional<LocalDate> start,
        Optional<LocalDate> end,
        List<Endpoint> endpoints,
        Optional<Grouping> groupBy) {

    /** The {@code endpoint_type} values. */
    public enum EndpointType {
        /** Main number statistics. */
        RECEPTION(Endpoint.RECEPTION),
        /** Chat reception statistics. */
        CHAT_RECEPTION(Endpoint.CHAT_RECEPTION),
        /** Employee statistics: calls and chats answered by each employee, mobile calls both ways. */
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

    /** The {@code group_by} values: one aggregation key per request. */
    public enum Grouping {
        /** By employee. */
        EMPLOYEE_ID,
        /** By main number; not with {@link EndpointType#CHAT_RECEPTION}. */
        RECEPTION_ID,
        /** By chat reception; not with {@link EndpointType#RECEPTION}. */
        CHAT_RECEPTION_ID,
        /** By the menu item chosen in a phone menu; only with {@link EndpointType#RECEPTION}. */
        IVR_KEY,
        /** By calendar month. */
        PERIOD_MONTH,
        /** By week, Monday first. */
        PERIOD_WEEK,
        /** By day. */
        PERIOD_DAY,
        /** By hour. */
        PERIOD_HOUR;

        /** As sent, e.g. {@code period_day}. */
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Whether the reference allows this grouping with {@code type}. */
        public boolean allowedWith(EndpointType type) {
            return switch (this) {
                case RECEPTION_ID -> type != EndpointType.CHAT_RECEPTION;
                case CHAT_RECEPTION_ID -> type != EndpointType.RECEPTION;
                case IVR_KEY -> type == EndpointType.RECEPTION;
                default -> true;
            };
        }
    }

    /** Null components become empty; the list is copied. */
    public StatisticsQuery {
        start = start == null ? Optional.empty() : start;
        end = end == null ? Optional.empty() : end;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        groupBy = groupBy == null ? Optional.empty() : groupBy;
    }

    /** All endpoints of {@code type}, over the service's default period, as one total. */
    public static StatisticsQuery of(EndpointType type) {
        return new StatisticsQuery(type, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /** This query from the day {@code start} to the day {@code end} (the reference's example: a whole month). */
    public StatisticsQuery between(LocalDate start, LocalDate end) {
        return new StatisticsQuery(
                endpointType, Optional.ofNullable(start), Optional.ofNullable(end), endpoints, groupBy);
    }

    /** This query for {@code endpoints} only (all of the query's endpoint type). */
    public StatisticsQuery withEndpoints(List<Endpoint> endpoints) {
        return new StatisticsQuery(endpointType, start, end, endpoints, groupBy);
    }

    /** This query aggregated by {@code grouping}. */
    public StatisticsQuery groupedBy(Grouping grouping) {
        return new StatisticsQuery(endpointType, start, end, endpoints, Optional.ofNullable(grouping));
    }
}
