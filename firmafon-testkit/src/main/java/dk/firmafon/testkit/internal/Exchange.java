package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One request as the handlers see it: method, the path below the API base (without a {@code .json} suffix), path
 * parameters, and the parameters merged the way a Rails server merges them (query string, form body, JSON body).
 */
public final class Exchange {

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> form;
    private final @Nullable JsonNode json;
    private final Function<String, @Nullable String> headers;
    private Map<String, String> pathParams = Map.of();

    Exchange(
            String method,
            String path,
            @Nullable String rawQuery,
            @Nullable String contentType,
            byte[] body,
            Function<String, @Nullable String> headers) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.query = parseForm(rawQuery);
        this.headers = headers;
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            this.form = parseForm(text);
            this.json = null;
        } else if (!text.isBlank()
                && (type.contains("json") || text.stripLeading().startsWith("{"))) {
            this.form = Map.of();
            this.json = parseJson(text);
        } else {
            this.form = Map.of();
            this.json = null;
        }
    }

    private static JsonNode parseJson(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw HttpError.badRequest("the request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw HttpError.badRequest("the request body is not valid JSON");
        }
    }

    /** Parses {@code a=1&b=2} (a query string or a form body); names keep their brackets ({@code contact[name]}). */
    public static Map<String, List<String>> parseForm(@Nullable String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return Collections.unmodifiableMap(result);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public @Nullable String header(String name) {
        return headers.apply(name);
    }

    void pathParams(Map<String, String> params) {
        this.pathParams = Map.copyOf(params);
    }

    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("no path parameter " + name);
        }
        return value;
    }

    /** A path parameter that must be a number; anything else is an unknown id, so 404. */
    public long idParam(String name) {
        try {
            return Long.parseLong(pathParam(name));
        } catch (NumberFormatException e) {
            throw HttpError.notFound();
        }
    }

    /** A plain parameter from the query string, the form body or the top level of a JSON body. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(first(query, name))
                .or(() -> Optional.ofNullable(first(form, name)))
                .or(() -> Optional.ofNullable(json)
                        .map(j -> j.get(name))
                        .filter(v -> !v.isNull())
                        .map(JsonNode::asText));
    }

    /**
     * A Rails-style scoped field ({@code contact[name]}): from a JSON body {@code {"contact": {"name": ...}}}, a flat JSON
     * body (Rails wraps it), or a form / query parameter {@code contact[name]} (or {@code contact[name][]} for lists).
     * JSON {@code null} is present, as {@code NullNode}.
     */
    public Optional<JsonNode> field(String scope, String name) {
        if (json != null) {
            JsonNode scoped = json.get(scope);
            if (scoped != null && scoped.isObject() && scoped.has(name)) {
                return Optional.of(scoped.get(name));
            }
            if (json.has(name)) {
                return Optional.of(json.get(name));
            }
        }
        String key = scope + "[" + name + "]";
        for (Map<String, List<String>> source : List.of(form, query)) {
            List<String> list = source.get(key + "[]");
            if (list != null) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                list.stream().filter(v -> !v.isEmpty()).forEach(array::add);
                return Optional.of(array);
            }
            String value = first(source, key);
            if (value != null) {
                return Optional.of(TextNode.valueOf(value));
            }
        }
        return Optional.empty();
    }

    /** A parameter parsed as a timestamp; a value that is no timestamp is a 422 naming the parameter. */
    public Optional<Instant> timeParam(String name) {
        return param(name).map(value -> parseTime(name, value));
    }

    public static Instant parseTime(String name, String value) {
        return parseOffsetTime(name, value).toInstant();
    }

    /** An ISO-8601 timestamp with {@code Z} or an offset; a bare date is midnight UTC; anything else a 422 naming it. */
    public static OffsetDateTime parseOffsetTime(String name, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw HttpError.unprocessable(name, "is not a valid time");
            }
        }
    }

    private static @Nullable String first(Map<String, List<String>> source, String name) {
        List<String> values = source.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
