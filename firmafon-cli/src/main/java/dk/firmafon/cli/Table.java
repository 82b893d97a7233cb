package dk.firmafon.cli;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A fixed-width text table, printed one row at a time so a listing can stream: the column widths are chosen up
 * front, never from the data. Values longer than their column are cut with {@code ~}.
 */
final class Table<T> {
    /** Timestamps print in the local time zone, so a listing's order reads right whatever offsets the API sent. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final List<Column<T>> columns;

    private Table(List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    String header() {
        List<String> cells = new ArrayList<>();
        for (Column<T> column : columns) {
            cells.add(column.header());
        }
        return line(cells);
    }

    String row(T item) {
        List<String> cells = new ArrayList<>();
        for (Column<T> column : columns) {
            cells.add(text(column.value().apply(item)));
        }
        return line(cells);
    }

    private String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            int width = columns.get(i).width();
            boolean last = i == cells.size() - 1;
            if (cell.length() > width) {
                cell = cell.substring(0, width - 1) + "~";
            }
            line.append(cell);
            if (!last) {
                line.append(" ".repeat(width - cell.length() + 2));
            }
        }
        return line.toString();
    }

    /** How a cell value reads: absent values as {@code -}, timestamps in local time without 'T' and fractions. */
    static String text(@Nullable Object value) {
        Object unwrapped = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (unwrapped == null) {
            return "-";
        }
        if (unwrapped instanceof OffsetDateTime time) {
            return TIME.format(time);
        }
        String text = unwrapped.toString().replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "-" : text;
    }

    private record Column<T>(String header, int width, Function<? super T, ?> value) {}

    /** Builds a {@link Table}. */
    static final class Builder<T> {
        private final List<Column<T>> columns = new ArrayList<>();

        Builder<T> column(String header, int width, Function<? super T, ?> value) {
            columns.add(new Column<>(header, Math.max(width, header.length()), value));
            return this;
        }

        Table<T> build() {
            return new Table<>(columns);
        }
    }
}
