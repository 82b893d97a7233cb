package dk.firmafon.core;

import dk.firmafon.core.internal.UriEncoding;
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

    private ApiRequest(
            HttpMethod method,
            String path,
            boolean absolute,
            String[] query,
            @Nullable Object body,
            boolean idempotent) {
        this.method = method;
        this.path = path;
        this.absolute = absolute;
        this.query = query;
        this.body = body;
        this.idempotent = idempotent;
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
        return new ApiRequest(method, path, absolute, copy, body, idempotent);
    }

    /** Sends {@code jsonBody} serialized as JSON with {@code Content-Type: application/json}. */
    public ApiRequest withBody(Object jsonBody) {
        if (jsonBody == null) {
            throw new IllegalArgumentException("jsonBody must not be null");
        }
        return new ApiRequest(method, path, absolute, query, jsonBody, idempotent);
    }

    /**
     * Marks whether the request may be repeated automatically. Set {@code true} only for a POST whose repetition
     * is harmless; never for one that sends an SMS.
     */
    public ApiRequest withIdempotent(boolean idempotent) {
        return new ApiRequest(method, path, absolute, query, body, idempotent);
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
