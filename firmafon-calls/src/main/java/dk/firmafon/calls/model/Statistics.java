package dk.firmafon.calls.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code GET /statistics} answered: its rows ({@link StatisticsRow}, one per value of the aggregation key, or one
 * total) and the document exactly as sent ({@link #raw()}, the escape hatch).
 *
 * <p>Evidence: the reference documents the parameters and the row's properties, not the envelope; the SDK reads
 * {@code {"statistics": [rows]}}, {@code {"statistics": {one row}}} and a bare array alike.
 *
 * @param rows the rows, in the order sent
 * @param raw the document as sent
 */
public record Statistics(List<StatisticsRow> rows, JsonNode raw) {
    /** The list is copied. */
    public Statistics {
        rows = List.copyOf(rows);
    }

    /** The rows of {@code document}, read leniently. */
    public static Statistics of(JsonNode document) {
        JsonNode body = document.has("statistics") ? document.get("statistics") : document;
        List<StatisticsRow> rows = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(row -> {
                if (row.isObject()) {
                    rows.add(new StatisticsRow(row));
                }
            });
        } else if (body.isObject() && !body.isEmpty()) {
            rows.add(new StatisticsRow(body));
        }
        return new Statistics(rows, document);
    }
}
