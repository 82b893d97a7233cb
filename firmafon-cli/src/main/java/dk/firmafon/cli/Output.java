package dk.firmafon.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Prints results: a readable table (default), one JSON object per line with the API's field names
 * ({@code --output json}, written by the SDK's own mapper), or CSV with a header row ({@code --output csv});
 * {@code --fields} keeps the named fields, in that order, in all three. Runs on the CLI's main thread, which may
 * block; nothing here is ever called from inside a Reactor operator.
 */
final class Output {
    /** How many items a listing asks for ahead of printing: small, so rows appear as pages arrive. */
    private static final int PREFETCH = 8;
    /** For the CLI's own messages, which need no SDK model support. */
    private static final ObjectMapper PLAIN = new ObjectMapper();
    /** Width of a column chosen with {@code --fields} in table output. */
    private static final int FIELD_WIDTH = 24;

    private final PrintWriter out;
    private final CliContext.Format format;
    private final List<String> fields;
    private final Supplier<ObjectMapper> mapper;
    private final @Nullable Progress progress;
    private @Nullable List<String> csvColumns;

    /** @param mapper the SDK client's mapper, asked for only when a result is printed */
    Output(PrintWriter out, CliContext.Format format, List<String> fields, Supplier<ObjectMapper> mapper) {
        this(out, format, fields, mapper, null);
    }

    Output(
            PrintWriter out,
            CliContext.Format format,
            List<String> fields,
            Supplier<ObjectMapper> mapper,
            @Nullable Progress progress) {
        this.out = out;
        this.format = format;
        this.fields = List.copyOf(fields);
        this.mapper = mapper;
        this.progress = progress;
    }

    /**
     * Prints every item of {@code items} as it arrives (a header first in table and CSV output), stopping after
     * {@code max} items when given; returns how many were printed. Errors from the stream are thrown here, on the
     * caller's thread, after the rows that arrived before them.
     */
    <T> long list(Flux<T> items, Table<T> table, long max) {
        Flux<T> limited = max > 0 ? items.take(max) : items;
        // the table's header goes out with the first row (or at the end of an empty listing), never before an error
        Runnable header = () -> {
            if (format == CliContext.Format.TABLE) {
                println(fields.isEmpty() ? table.header() : fieldsLine(fields));
            }
        };
        long[] printed = {0};
        // rows are printed on a bounded-elastic thread as items arrive; the main thread waits for the end (bounded)
        // and then throws the stream's error, after the rows that came before it. Not toStream(): its hand-over lock
        // made an I/O thread wait for the main one (BlockHound caught it, and the lost completion hung a download).
        try (Progress.Counter counter = progress == null ? Progress.Counter.NONE : progress.counter("listed")) {
            limited.publishOn(Schedulers.boundedElastic(), PREFETCH)
                    .doOnNext(item -> {
                        if (printed[0] == 0) {
                            header.run();
                        }
                        println(line(item, table));
                        printed[0]++;
                        counter.step();
                    })
                    .blockLast(Duration.ofHours(6));
        }
        if (printed[0] == 0) {
            header.run();
        }
        return printed[0];
    }

    private <T> String line(T item, Table<T> table) {
        return switch (format) {
            case JSON -> json(item);
            case CSV -> csv(item.getClass(), tree(item));
            case TABLE -> fields.isEmpty() ? table.row(item) : fieldsLine(values(tree(item)));
        };
    }

    /** Prints one item: its fields one per line in table output, one JSON line or a CSV row otherwise. */
    void record(Object item) {
        if (format == CliContext.Format.JSON) {
            println(json(item));
            return;
        }
        JsonNode tree = tree(item);
        if (format == CliContext.Format.CSV) {
            println(csv(item.getClass(), tree));
            return;
        }
        if (!tree.isObject()) {
            println(tree.isValueNode() ? tree.asText() : tree.toString());
            return;
        }
        int width = 0;
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            width = Math.max(width, field.getKey().length());
        }
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            println(String.format("%-" + width + "s  %s", field.getKey(), text(field.getValue())));
        }
    }

    /** Prints a raw JSON document: indented in table output, on one line otherwise. */
    void document(JsonNode body) {
        try {
            println(
                    format == CliContext.Format.TABLE
                            ? mapper.get().writerWithDefaultPrettyPrinter().writeValueAsString(body)
                            : mapper.get().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Confirms an action: in table output the sentence, otherwise a {@code {"result": sentence}} line (a
     * {@code result} column in CSV), so scripts always read their format.
     */
    void done(String sentence) {
        switch (format) {
            case TABLE -> println(sentence);
            case JSON -> println(
                    PLAIN.createObjectNode().put("result", sentence).toString());
            case CSV -> {
                println("result");
                println(csvCell(sentence));
            }
        }
    }

    /** The item as the API names its fields, cut to {@code --fields} when given. */
    private JsonNode tree(Object item) {
        JsonNode tree = mapper.get().valueToTree(item);
        if (fields.isEmpty() || !tree.isObject()) {
            return tree;
        }
        ObjectNode kept = PLAIN.createObjectNode();
        for (String field : fields) {
            kept.set(field, tree.has(field) ? tree.get(field) : NullNode.getInstance());
        }
        return kept;
    }

    private String json(Object item) {
        try {
            return fields.isEmpty()
                    ? mapper.get().writeValueAsString(item)
                    : mapper.get().writeValueAsString(tree(item));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot print " + item.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A CSV row (RFC 4180), after a header row of the columns: {@code --fields}, else every property the model
     * {@code type} has (the API's names, in the model's order), never only those the first item happens to carry: an
     * absent value is an empty cell.
     */
    private String csv(Class<?> type, JsonNode tree) {
        StringBuilder lines = new StringBuilder();
        if (csvColumns == null) {
            List<String> columns = new ArrayList<>();
            if (!fields.isEmpty()) {
                columns.addAll(fields);
            } else if (tree.isObject()) {
                columns.addAll(properties(type));
                tree.fieldNames().forEachRemaining(name -> {
                    if (!columns.contains(name)) {
                        columns.add(name); // a map-like model's own keys
                    }
                });
            } else {
                columns.add("value");
            }
            csvColumns = columns;
            lines.append(String.join(",", columns.stream().map(Output::csvCell).toList()))
                    .append(System.lineSeparator());
        }
        List<String> cells = new ArrayList<>();
        for (String column : csvColumns) {
            JsonNode value = tree.isObject() ? tree.get(column) : tree;
            cells.add(csvCell(
                    value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString()));
        }
        return lines.append(String.join(",", cells)).toString();
    }

    /** The JSON property names the mapper writes for {@code type}, in order; empty when it is no bean. */
    private List<String> properties(Class<?> type) {
        List<String> names = new ArrayList<>();
        try {
            com.fasterxml.jackson.databind.JsonSerializer<Object> serializer =
                    mapper.get().getSerializerProviderInstance().findValueSerializer(type);
            serializer.properties().forEachRemaining(property -> names.add(property.getName()));
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            // not a bean: the columns come from the item
        }
        return names;
    }

    static String csvCell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private List<String> values(JsonNode tree) {
        List<String> cells = new ArrayList<>();
        for (String field : fields) {
            cells.add(text(tree.path(field)));
        }
        return cells;
    }

    private static String text(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "-" : value.isValueNode() ? value.asText() : value.toString();
    }

    private static String fieldsLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).replaceAll("\\s+", " ");
            boolean last = i == cells.size() - 1;
            if (!last && cell.length() > FIELD_WIDTH) {
                cell = cell.substring(0, FIELD_WIDTH - 1) + "~";
            }
            line.append(cell);
            if (!last) {
                line.append(" ".repeat(FIELD_WIDTH - cell.length() + 2));
            }
        }
        return line.toString();
    }

    private void println(String line) {
        out.println(line);
        out.flush();
    }
}
