package dk.firmafon.core;

import dk.firmafon.core.internal.UriEncoding;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** Headers the SDK sets itself, or that would change how the exchange is framed or whom it authenticates. */
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "authorization",
            "proxy-authorization",
            "host",
            "content-length",
            "content-type",
            "transfer-encoding",
            "connection",
            "upgrade",
            "te",
            "trailer",
            "keep-alive",
            "expect",
            "accept",
            "user-agent",
            "cookie");

    private ApiRequest(
            HttpMethod method,
            String path,
            boolean absolute,
            String[] query,
            @Nullable Object body,
            boolean idempotent) {
        this(method, path, absolute, query, body, idempotent, NO_QUERY, null);
    }

    private ApiRequest(
            HttpMethod method,
            String path,
            boolean absolute,
            String[] query,
            @Nullable Object body,
            boolean idempotent,
            String[] headers,
            @Nullable Duration timeout) {
        this.method = method;
        this.path = path;
        this.absolute = absolute;
        this.query = query;
        this.body = body;
        this.idempotent = idempotent;
        this.headers = headers;
        this.timeout = timeout;
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
        return new ApiRequest(method, path, absolute, copy, body, idempotent, headers, timeout);
    }

    /** Sends {@code jsonBody} serialized as JSON with {@code Content-Type: application/json}. */
    public ApiRequest withBody(Object jsonBody) {
        if (jsonBody == null) {
            throw new IllegalArgumentException("jsonBody must not be null");
        }
        return new ApiRequest(method, path, absolute, query, jsonBody, idempotent, headers, timeout);
    }

    /**
     * Marks whether the request may be repeated automatically. Set {@code true} only for a POST whose repetition
     * is harmless; never for one that sends an SMS.
     */
    public ApiRequest withIdempotent(boolean idempotent) {
        return new ApiRequest(method, path, absolute, query, body, idempotent, headers, timeout);
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
        if (name == null || name.isEmpty() || !name.chars().allMatch(ApiRequest::isTokenChar)) {
            throw new IllegalArgumentException("header name must be an HTTP token (letters, digits, !#$%&'*+-.^_`|~),"
                    + " was: " + (name == null ? null : "\"" + name.replaceAll("\\p{Cntrl}", "?") + "\""));
        }
        if (RESERVED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("header " + name + " is set by the SDK (or would change how the "
                    + "request is framed or authenticated) and cannot be added per request");
        }
        if (value == null || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new IllegalArgumentException(
                    "header " + name + " must have a value without line breaks or " + "control characters");
        }
        String[] copy = java.util.Arrays.copyOf(headers, headers.length + 2);
        copy[headers.length] = name;
        copy[headers.length + 1] = value;
        return new ApiRequest(method, path, absolute, query, body, idempotent, copy, timeout);
    }

    /**
     * The deadline of each attempt of this request, instead of the client's {@code attemptTimeout}: from its request
     * written to its response complete (for a download: to the response head). One longer than the client's
     * {@code responseTimeout} also allows that much silence from the server.
     *
     * @throws IllegalArgumentException when {@code timeout} is null, zero or negative
     */
    public ApiRequest withTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return new ApiRequest(method, path, absolute, query, body, idempotent, headers, timeout);
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

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    /** The HTTP method. */
    public HttpMethod method() {
        return method;
    }

    /** The path relative to the base URI (starting with {@code /}), or an absolute URI. */
    public String path() {
        return path;
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
     * Appends the query to {@code uri}; with {@code hidden}, a parameter whose name marks it secret (see
     * {@code Redaction.SECRET_PARAMETERS}) goes there instead, encoded and {@code &}-separated.
     */
    void appendQuery(StringBuilder uri, @Nullable StringBuilder hidden) {
        boolean first = !absolute || uri.indexOf("?") < 0;
        for (int i = 0; i < query.length; i += 2) {
            if (hidden != null && dk.firmafon.auth.internal.Redaction.SECRET_PARAMETERS.contains(query[i])) {
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
        return dk.firmafon.auth.internal.Redaction.uri(out.toString());
    }
}
