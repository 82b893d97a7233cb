package dk.firmafon.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;

/**
 * Prints results: a readable table (default) or, with {@code --json}, one JSON object per line with the API's
 * field names (written by the SDK's own mapper). Runs on the CLI's main thread, which may block; nothing here is
 * ever called from inside a Reactor operator.
 */
final class Output {
    /** How many items a listing asks for ahead of printing: small, so rows appear as pages arrive. */
    private static final int PREFETCH = 8;
    /** For the CLI's own messages, which need no SDK model support. */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final PrintWriter out;
    private final boolean json;
    private final Supplier<ObjectMapper> mapper;

    /** @param mapper the SDK client's mapper, asked for only when a result is printed */
    Output(PrintWriter out, boolean json, Supplier<ObjectMapper> mapper) {
        this.out = out;
        this.json = json;
        this.mapper = mapper;
    }

    /**
     * Prints every item of {@code items} as it arrives (a header first in table mode), stopping after {@code max}
     * items when given; returns how many were printed. Errors from the stream are thrown here, on the caller's
     * thread, after the rows that arrived before them.
     */
    <T> long list(Flux<T> items, Table<T> table, long max) {
        Flux<T> limited = max > 0 ? items.take(max) : items;
        if (!json) {
            println(table.header());
        }
        long printed = 0;
        try (Stream<T> stream = limited.toStream(PREFETCH)) {
            Iterator<T> iterator = stream.iterator();
            while (iterator.hasNext()) {
                T item = iterator.next();
                println(json ? json(item) : table.row(item));
                printed++;
            }
        }
        return printed;
    }

    /** Prints one item: its fields one per line in table mode, one JSON line with {@code --json}. */
    void record(Object item) {
        if (json) {
            println(json(item));
            return;
        }
        JsonNode tree = mapper.get().valueToTree(item);
        if (!tree.isObject()) {
            println(tree.isValueNode() ? tree.asText() : tree.toString());
            return;
        }
        int width = 0;
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            width = Math.max(width, field.getKey().length());
        }
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            JsonNode value = field.getValue();
            String text = value.isNull() ? "-" : value.isValueNode() ? value.asText() : value.toString();
            println(String.format("%-" + width + "s  %s", field.getKey(), text));
        }
    }

    /** Prints a raw JSON document: indented in table mode, on one line with {@code --json}. */
    void document(JsonNode body) {
        try {
            println(
                    json
                            ? mapper.get().writeValueAsString(body)
                            : mapper.get().writerWithDefaultPrettyPrinter().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Confirms an action: in table mode the sentence, with {@code --json} a {@code {"result": sentence}} line, so
     * scripts always read JSON.
     */
    void done(String sentence) {
        println(json ? PLAIN.createObjectNode().put("result", sentence).toString() : sentence);
    }

    private String json(Object item) {
        try {
            return mapper.get().writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot print " + item.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void println(String line) {
        out.println(line);
        out.flush();
    }
}
