package dk.firmafon.core;

import dk.firmafon.core.internal.HeaderRules;
import dk.firmafon.core.internal.UriEncoding;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request to the API, relative to the client's base URI. Immutable: every {@code with...} method returns
 * a copy. Resource modules build these; users may too, for endpoints the SDK does not cover yet.
 *
 * <pre>{@code
 * ApiRequest.get("/calls").withQuery("limit", 100).withQuery("endpoint", "Reception#1")
 * ApiRequest.post("/contacts").withBody(Map.of("contact", Map.of("number", "4571999999")))
 * ApiRequest.get("/calls/" + ApiRequest.pathSegment(callUuid))
 * }</pre>
 *
 * <p>Path segments supplied by users must be percent-encoded by the caller with {@link #pathSegment(String)};
 * query names and values are encoded by the transport; {@code withQuery} with a {@code null} value is a no-op so
 * optional filters can be chained; a body is serialized as JSON with the client's ObjectMapper;
 * {@link #idempotent()} defaults to {@link HttpMethod#isIdempotent()} and may be set explicitly for a POST that is
 * safe to repeat.
 *
 * <p>The path may also be an absolute {@code http(s)} URI (such as a voice mail's {@code sound.url}). The client
 * then sends credentials only when its host is the configured API host, and fails without sending anything
 * otherwise.
 */
public final class ApiRequest {
    private static final String[] NO_QUERY = new String[0];

    private final HttpMethod method;
    private final String path;
    private final boolean absolute;
    /** name, value, name, value, ... (unencoded). */
    private final String[] query;

    private final @Nullable Object body;
    private final boolean idempotent;
    /** name, value, name, value, ... of the extra headers. */
    private final String[] headers;

    private final @Nullable Duration timeout;

    /** The path with its variables as placeholders ({@code /calls/{uuid}}), or null: derived when asked. */
    private final @Nullable String template;

    private ApiRequest(
            HttpMethod method,
            String path,
            boolean absolute,
            String[] query,
            @Nullable Object body,
            boolean idempotent) {
        this(method, path, absolute, query, body, idempotent, NO_QUERY, null, null);
    }

    private ApiRequest(
            HttpMethod method,
            String path,
            boolean absolute,
            String[] query,
            @Nullable Object body,
            boolean idempotent,
            String[] headers,
            @Nullable Duration timeout,
            @Nullable String template) {
        this.method = method;
        this.path = path;
        this.absolute = absolute;
        this.query = query;
        this.body = body;
        this.idempotent = idempotent;
        this.headers = headers;
        this.timeout = timeout;
        this.template = template;
    }

    /** A GET of {@code path} (see {@link #of(HttpMethod, String)}). */
    public static ApiRequest get(String path) {
        return of(HttpMethod.GET, path);
    }

    /** A POST to {@code path}: never retried unless {@linkplain #withIdempotent(boolean) marked idempotent}. */
    public static ApiRequest post(String path) {
        return of(HttpMethod.POST, path);
    }

    /** A PUT to {@code path}. */
    public static ApiRequest put(String path) {
        return of(HttpMethod.PUT, path);
    }

    /** A DELETE of {@code path}. */
    public static ApiRequest delete(String path) {
        return of(HttpMethod.DELETE, path);
    }

    /**
     * A GET of a path template with its variables, e.g. {@code get("/calls/{uuid}", uuid)}: each {@code {name}} is
     * replaced by the next variable as one percent-encoded path segment, and the template is what metrics and
     * traces report ({@link #pathTemplate()}), so a million uuids make one time series, not a million.
     */
    public static ApiRequest get(String pathTemplate, Object... variables) {
        return of(HttpMethod.GET, pathTemplate, variables);
    }

    /** A POST to a path template with its variables (see {@link #get(String, Object...)}). */
    public static ApiRequest post(String pathTemplate, Object... variables) {
        return of(HttpMethod.POST, pathTemplate, variables);
    }

    /** A PUT to a path template with its variables (see {@link #get(String, Object...)}). */
    public static ApiRequest put(String pathTemplate, Object... variables) {
        return of(HttpMethod.PUT, pathTemplate, variables);
    }

    /** A DELETE of a path template with its variables (see {@link #get(String, Object...)}). */
    public static ApiRequest delete(String pathTemplate, Object... variables) {
        return of(HttpMethod.DELETE, pathTemplate, variables);
    }

    /**
     * A request with any method to a path template with its variables (see {@link #get(String, Object...)}).
     *
     * @throws IllegalArgumentException naming the placeholder when a variable is null or empty, or when the number
     *     of variables is not the number of placeholders; as {@link #of(HttpMethod, String)} for the path
     */
    public static ApiRequest of(HttpMethod method, String pathTemplate, Object... variables) {
        if (pathTemplate == null || variables == null) {
            throw new IllegalArgumentException("pathTemplate and variables must not be null");
        }
        StringBuilder path = new StringBuilder(pathTemplate.length() + 32);
        int used = 0;
        int at = 0;
        while (at < pathTemplate.length()) {
            int open = pathTemplate.indexOf('{', at);
            if (open < 0) {
                path.append(pathTemplate, at, pathTemplate.length());
                break;
            }
            int close = pathTemplate.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("pathTemplate has an unclosed '{': " + pathTemplate);
            }
            String name = pathTemplate.substring(open + 1, close);
            if (used == variables.length) {
                throw new IllegalArgumentException("pathTemplate " + pathTemplate + " has more placeholders than the "
                        + variables.length + " variables given");
            }
            Object value = variables[used++];
            if (value == null || value.toString().isEmpty()) {
                throw new IllegalArgumentException(name + " must not be null or empty (in " + pathTemplate + ")");
            }
            path.append(pathTemplate, at, open).append(pathSegment(value.toString()));
            at = close + 1;
        }
        if (used != variables.length) {
            throw new IllegalArgumentException("pathTemplate " + pathTemplate + " has " + used + " placeholders, but "
                    + variables.length + " variables were given");
        }
        ApiRequest request = of(method, path.toString());
        String template = request.absolute || pathTemplate.startsWith("/") ? pathTemplate : "/" + pathTemplate;
        return new ApiRequest(
                method,
                request.path,
                request.absolute,
                NO_QUERY,
                null,
                request.idempotent,
                NO_QUERY,
                null,
                request.absolute ? Templates.ofAbsolute(template) : template);
    }

    /**
     * A request with any method.
     *
     * @throws IllegalArgumentException naming {@code path} when it is null, blank, holds whitespace, a query
     *     ({@code ?}) or a fragment, or is an absolute URI that is not http(s) (the scheme is compared ignoring
     *     case)
     */
    public static ApiRequest of(HttpMethod method, String path) {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("path must not be null or blank");
        }
        boolean absolute =
                path.regionMatches(true, 0, "https://", 0, 8) || path.regionMatches(true, 0, "http://", 0, 7);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException("path must not contain whitespace or control characters: "
                        + "encode user-supplied segments with ApiRequest.pathSegment");
            }
            if (!absolute && (c == '?' || c == '#')) {
                throw new IllegalArgumentException("path must not contain '" + c + "': use withQuery for parameters");
            }
            if (c == '#') {
                throw new IllegalArgumentException("path must not contain a fragment ('#'): it is never sent to a "
                        + "server, and a query or credential after it would be lost");
            }
        }
        String normalized = absolute || path.charAt(0) == '/' ? path : "/" + path;
        return new ApiRequest(method, normalized, absolute, NO_QUERY, null, method.isIdempotent());
    }

    /**
     * Percent-encodes one path segment (an id or uuid supplied by a user): everything but RFC 3986 unreserved
     * characters is encoded, so {@code /} and {@code ..} cannot change the path.
     *
     * @throws IllegalArgumentException when {@code value} is null or empty
     */
    public static String pathSegment(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("path segment must not be null or empty");
        }
        if (value.equals(".") || value.equals("..")) {
            return value.equals(".") ? "%2E" : "%2E%2E";
        }
        return UriEncoding.encode(value);
    }

    /**
     * Adds the query parameter {@code name=value} ({@code value} rendered with {@code toString()}; an
     * {@link Instant} as ISO-8601). A {@code null} value leaves the request unchanged.
     */
    public ApiRequest withQuery(String name, @Nullable Object value) {
        if (value == null) {
            return this;
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("query parameter name must not be null or empty");
        }
        String[] copy = new String[query.length + 2];
        System.arraycopy(query, 0, copy, 0, query.length);
        copy[query.length] = name;
        copy[query.length + 1] = value.toString();
        return new ApiRequest(method, path, absolute, copy, body, idempotent, headers, timeout, template);
    }

    /** Sends {@code jsonBody} serialized as JSON with {@code Content-Type: application/json}. */
    public ApiRequest withBody(Object jsonBody) {
        if (jsonBody == null) {
            throw new IllegalArgumentException("jsonBody must not be null");
        }
        return new ApiRequest(method, path, absolute, query, jsonBody, idempotent, headers, timeout, template);
    }

    /**
     * Marks whether the request may be repeated automatically. Set {@code true} only for a POST whose repetition
     * is harmless; never for one that sends an SMS.
     */
    public ApiRequest withIdempotent(boolean idempotent) {
        return new ApiRequest(method, path, absolute, query, body, idempotent, headers, timeout, template);
    }

    /**
     * Adds the header {@code name: value} to this request (a tracing or idempotency header of your own, say).
     *
     * @throws IllegalArgumentException naming the header when the name is not an HTTP token, the value holds a line
     *     break or control character, or the header is one the SDK sets itself or that would change how the request
     *     is framed or authenticated ({@code Authorization}, {@code Host}, {@code Content-Length},
     *     {@code Content-Type}, {@code Transfer-Encoding}, {@code Connection}, {@code Accept}, {@code User-Agent},
     *     ...)
     */
    public ApiRequest withHeader(String name, String value) {
        if (!HeaderRules.isToken(name)) {
            throw new IllegalArgumentException("header name must be an HTTP token (letters, digits, !#$%&'*+-.^_`|~),"
                    + " was: " + (name == null ? null : "\"" + name.replaceAll("\\p{Cntrl}", "?") + "\""));
        }
        if (HeaderRules.isReserved(name)) {
            throw new IllegalArgumentException("header " + name + " is set by the SDK (or would change how the "
                    + "request is framed or authenticated) and cannot be added per request");
        }
        if (!HeaderRules.isValue(value)) {
            throw new IllegalArgumentException(
                    "header " + name + " must have a value without line breaks or " + "control characters");
        }
        String[] copy = java.util.Arrays.copyOf(headers, headers.length + 2);
        copy[headers.length] = name;
        copy[headers.length + 1] = value;
        return new ApiRequest(method, path, absolute, query, body, idempotent, copy, timeout, template);
    }

    /**
     * The deadline of each attempt of this request, instead of the client's {@code attemptTimeout}: from its request
     * written to its response complete (for a download: to the response head). One longer than the client's
     * {@code responseTimeout} also allows that much silence from the server.
     *
     * @throws IllegalArgumentException when {@code timeout} is null, zero or negative
     */
    public ApiRequest withTimeout(Duration timeout) {
        dk.firmafon.foundation.internal.Checks.positive("timeout", timeout);
        return new ApiRequest(method, path, absolute, query, body, idempotent, headers, timeout, template);
    }

    /** The extra headers in the order added. */
    public List<Map.Entry<String, String>> headers() {
        List<Map.Entry<String, String>> entries = new java.util.ArrayList<>(headers.length / 2);
        for (int i = 0; i < headers.length; i += 2) {
            entries.add(Map.entry(headers[i], headers[i + 1]));
        }
        return List.copyOf(entries);
    }

    /** The per-request attempt deadline, if set. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    String[] headerArray() {
        return headers;
    }

    /** The HTTP method. */
    public HttpMethod method() {
        return method;
    }

    /** The path relative to the base URI (starting with {@code /}), or an absolute URI. */
    public String path() {
        return path;
    }

    /**
     * The path as metrics, traces and {@link ExchangeListener} report it, with low cardinality: the template given to
     * {@link #get(String, Object...)} and friends; for a plain path, the path with each segment that looks like an
     * id (all digits, or a long token with digits, or percent-encoded) replaced by {@code {id}}; for an absolute URI,
     * its scheme and host followed by such a path.
     */
    public String pathTemplate() {
        String known = template;
        return known != null ? known : absolute ? Templates.ofAbsolute(path) : Templates.derive(path);
    }

    /** Whether {@link #path()} is an absolute URI rather than relative to the base URI. */
    public boolean isAbsolute() {
        return absolute;
    }

    /** The query parameters in the order added, unencoded. */
    public List<Map.Entry<String, String>> query() {
        return new AbstractList<>() {
            @Override
            public Map.Entry<String, String> get(int index) {
                return Map.entry(query[index * 2], query[index * 2 + 1]);
            }

            @Override
            public int size() {
                return query.length / 2;
            }
        };
    }

    /** The object sent as the JSON body, if any. */
    public Optional<Object> body() {
        return Optional.ofNullable(body);
    }

    /** Whether the transport may repeat this request (retry); defaults to {@link HttpMethod#isIdempotent()}. */
    public boolean idempotent() {
        return idempotent;
    }

    /** Appends the encoded query ({@code ?a=1&b=2}) to {@code uri}; nothing when there is no parameter. */
    void appendQuery(StringBuilder uri) {
        appendQuery(uri, null);
    }

    /**
     * Appends the query to {@code uri}; with {@code hidden}, a parameter whose name marks it secret or personal (see
     * {@code Redaction.SECRET_PARAMETERS} and {@code PERSONAL_PARAMETERS}: a phone number to look up) goes there
     * instead, encoded and {@code &}-separated, sent without a library ever seeing it in the URI.
     */
    void appendQuery(StringBuilder uri, @Nullable StringBuilder hidden) {
        boolean first = !absolute || uri.indexOf("?") < 0;
        for (int i = 0; i < query.length; i += 2) {
            if (hidden != null
                    && (dk.firmafon.foundation.internal.Redaction.SECRET_PARAMETERS.contains(query[i])
                            || dk.firmafon.foundation.internal.Redaction.PERSONAL_PARAMETERS.contains(query[i]))) {
                if (hidden.length() > 0) {
                    hidden.append('&');
                }
                UriEncoding.encodeTo(hidden, query[i]);
                hidden.append('=');
                UriEncoding.encodeTo(hidden, query[i + 1]);
                continue;
            }
            uri.append(first ? '?' : '&');
            first = false;
            UriEncoding.encodeTo(uri, query[i]);
            uri.append('=');
            UriEncoding.encodeTo(uri, query[i + 1]);
        }
    }

    @Nullable
    Object bodyOrNull() {
        return body;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(method.name()).append(' ').append(path);
        appendQuery(out);
        return dk.firmafon.foundation.internal.Redaction.uri(out.toString());
    }
}
