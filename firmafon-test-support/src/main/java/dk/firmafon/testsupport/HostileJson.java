package dk.firmafon.testsupport;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators (QuickTheories {@link Gen}s) of hostile JSON text: random and truncated documents, values of every wrong
 * type, huge strings and numbers, deep nesting; and fixtures with one field replaced by such a value.
 */
public final class HostileJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HOLE = "__hostile_value__";

    private HostileJson() {}

    /** A quoted JSON string of {@code text}. */
    public static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** Numbers a decoder may choke on: beyond {@code long} and {@code double}, very long, exotic notation. */
    public static Gen<String> hugeNumbers() {
        return Generate.oneOf(
                Generate.pick(List.of(
                        "9223372036854775808",
                        "-9223372036854775809",
                        "1e999",
                        "-1e-999",
                        "1.7976931348623157E309",
                        "0.0000000000000000000000000000001",
                        "-0",
                        "1E+2147483648")),
                integers().between(20, 3000).map(n -> "1" + "0".repeat(n)),
                integers().between(20, 3000).map(n -> "0." + "9".repeat(n)));
    }

    /** Very long strings, some with escapes and non-ASCII text. */
    public static Gen<String> hugeStrings() {
        return Generate.pick(List.of(
                quoted("x".repeat(1 << 20)),
                quoted("\u00e6\u00f8\u00e5\"\\\n".repeat(50_000)),
                quoted("\ud83d\ude00".repeat(100_000))));
    }

    /** Nesting 1,000 to 10,000 levels deep: arrays, objects, closed or not. */
    public static Gen<String> deepNesting() {
        return Generate.pick(List.of(1_000, 2_000, 10_000))
                .zip(Generate.booleans(), Generate.booleans(), (depth, arrays, closed) -> {
                    String open = arrays ? "[" : "{\"a\":";
                    String close = arrays ? "]" : "}";
                    return open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "");
                });
    }

    /** Any single JSON scalar, including huge ones. */
    public static Gen<String> scalars() {
        return Generate.oneOf(
                strings()
                        .basicMultilingualPlaneAlphabet()
                        .ofLengthBetween(0, 40)
                        .map(HostileJson::quoted),
                longs().all().map(value -> String.valueOf(value)),
                doubles().any().map(value -> String.valueOf(value)),
                Generate.pick(List.of(
                        "true",
                        "false",
                        "null",
                        "\"\"",
                        "0",
                        "-1",
                        "\"2025-13-45T25:61:61Z\"",
                        "\"Reception#\"",
                        "\"#12\"",
                        "\"not-a-number\"")),
                hugeNumbers());
    }

    /** A random JSON value up to a few levels deep. */
    public static Gen<String> values() {
        return values(3);
    }

    private static Gen<String> values(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Gen<String> inner = values(depth - 1);
        Gen<String> arrays = lists().of(inner).ofSizeBetween(0, 4).map(items -> "[" + String.join(",", items) + "]");
        Gen<String> fields = strings()
                .betweenCodePoints('a', 'z')
                .ofLengthBetween(0, 12)
                .zip(inner, (key, value) -> quoted(key) + ":" + value);
        Gen<String> objects = lists().of(fields).ofSizeBetween(0, 4).map(all -> "{" + String.join(",", all) + "}");
        return Generate.frequency(Pair.of(4, scalars()), Pair.of(1, arrays), Pair.of(1, objects));
    }

    /** A value of any type, for a field that expects another: scalars, arrays, objects, huge or deep values. */
    public static Gen<String> wrongTypes() {
        return Generate.frequency(
                Pair.of(10, values(2)),
                Pair.of(1, hugeStrings()),
                Pair.of(2, hugeNumbers()),
                Pair.of(1, Generate.constant("[".repeat(1_500) + "]".repeat(1_500))));
    }

    /** A document of {@code documents} cut off at a random point (possibly empty). */
    public static Gen<String> truncated(Gen<String> documents) {
        return documents.zip(
                doubles().between(0, 1), (text, at) -> text.substring(0, (int) (at * Math.max(0, text.length() - 1))));
    }

    /**
     * {@code json} (a fixture) with one of its fields or array elements, at any depth, replaced by a hostile value;
     * the field is chosen uniformly among all of them.
     */
    public static Gen<String> withOneFieldReplaced(String json) {
        List<String> variants = fieldPaths(json);
        return integers()
                .between(0, variants.size() - 1)
                .zip(wrongTypes(), (index, value) -> replaceAt(json, index, value));
    }

    /**
     * The JSON pointer of every field and array element of {@code json}, depth first: the index order of
     * {@link #replaceAt}.
     */
    public static List<String> fieldPaths(String json) {
        List<String> paths = new ArrayList<>();
        collect(read(json), "", paths);
        return paths;
    }

    /** {@code json} with its {@code index}th field or array element (depth first) replaced by raw {@code value}. */
    public static String replaceAt(String json, int index, String value) {
        JsonNode root = read(json);
        int[] counter = {index};
        replace(root, counter);
        try {
            return MAPPER.writeValueAsString(root).replace(quoted(HOLE), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean replace(JsonNode node, int[] counter) {
        if (node instanceof ObjectNode object) {
            for (String name : iterable(object)) {
                if (counter[0]-- == 0) {
                    object.put(name, HOLE);
                    return true;
                }
                if (replace(object.get(name), counter)) {
                    return true;
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (counter[0]-- == 0) {
                    array.set(i, array.textNode(HOLE));
                    return true;
                }
                if (replace(array.get(i), counter)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node instanceof ObjectNode object) {
            for (String name : iterable(object)) {
                paths.add(path + "/" + name);
                collect(object.get(name), path + "/" + name, paths);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                paths.add(path + "/" + i);
                collect(array.get(i), path + "/" + i, paths);
            }
        }
    }

    private static List<String> iterable(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
