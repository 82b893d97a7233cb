package dk.firmafon.calls.model;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.support.Lenient;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One row of {@code GET /statistics}: the properties the reference documents, typed, and the figures. Which properties
 * a row has depends on the request's {@code endpoint_type} and {@code group_by}: {@link #key()} is the value of the
 * aggregation key ({@code 2018-10-01T00:00:00}, {@code Employee#1001}), and the period or IVR key it stands for is in
 * its own property. Times are local to the company (the reference writes them without an offset).
 *
 * <p>The figures are every numeric property besides those, by the name the service sends, so none is lost;
 * {@link #raw()} is the row exactly as sent, the escape hatch for anything else.
 *
 * @param raw the row as sent
 */
public record StatisticsRow(JsonNode raw) {
    private static final Set<String> DESCRIPTIVE =
            Set.of("key", "period_month", "period_week", "period_day", "period_hour", "ivr_key", "endpoint");

    /** A row read from {@code raw}; a null becomes an empty object. */
    public StatisticsRow {
        raw = raw == null || !raw.isObject()
                ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : raw;
    }

    /** {@code key}: the value of the aggregation key, as sent. */
    public Optional<String> key() {
        return Lenient.text(raw, "key");
    }

    /** {@code period_month}: the first day of the month, when aggregating by month. */
    public Optional<LocalDateTime> periodMonth() {
        return localTime("period_month");
    }

    /** {@code period_week}: the week's Monday, when aggregating by week. */
    public Optional<LocalDateTime> periodWeek() {
        return localTime("period_week");
    }

    /** {@code period_day}: the day, when aggregating by day. */
    public Optional<LocalDateTime> periodDay() {
        return localTime("period_day");
    }

    /** {@code period_hour}: the date and hour (minutes and seconds zero), when aggregating by hour. */
    public Optional<LocalDateTime> periodHour() {
        return localTime("period_hour");
    }

    /** {@code ivr_key}: the key or keys (at most two, e.g. {@code 1-5}) pressed in the phone menu. */
    public Optional<String> ivrKey() {
        return Lenient.text(raw, "ivr_key");
    }

    /** {@code endpoint}: the endpoint the row is about, e.g. {@code Reception#101}; empty when not {@code Type#id}. */
    public Optional<Endpoint> endpoint() {
        return Lenient.endpoint(raw, "endpoint");
    }

    /**
     * Every numeric property but the descriptive ones above, by its wire name, in the order sent: the counts and
     * averages the row aggregates. A number sent as a string is read as one.
     */
    public Map<String, BigDecimal> figures() {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        raw.properties().forEach(field -> {
            if (DESCRIPTIVE.contains(field.getKey())) {
                return;
            }
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                figures.put(field.getKey(), value.decimalValue());
            } else if (value.isTextual()) {
                try {
                    figures.put(field.getKey(), new BigDecimal(value.asText().strip()));
                } catch (NumberFormatException notAFigure) {
                    // text, not a figure: in raw() only
                }
            }
        });
        return Collections.unmodifiableMap(figures);
    }

    /** The figure named {@code name} (as sent), if the row has it. */
    public Optional<BigDecimal> figure(String name) {
        return Optional.ofNullable(figures().get(name));
    }

    private Optional<LocalDateTime> localTime(String field) {
        return Lenient.text(raw, field).flatMap(text -> {
            try {
                return Optional.of(LocalDateTime.parse(text));
            } catch (DateTimeException notLocal) {
                try {
                    return Optional.of(OffsetDateTime.parse(text).toLocalDateTime());
                } catch (DateTimeException notOffset) {
                    try {
                        return Optional.of(LocalDate.parse(text).atStartOfDay());
                    } catch (DateTimeException unreadable) {
                        return Optional.empty();
                    }
                }
            }
        });
    }
}
