package dk.firmafon.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the API, relative to the client's base URI. Immutable: every {@code with...} method returns
 * a copy. Resource modules build these; users may too, for endpoints the SDK does not cover yet.
 *
 * <pre>{@code
 * ApiRequest.get("/calls").withQuery("limit", 100).withQuery("endpoint", "Reception#1")
 * ApiRequest.post("/contacts").withBody(Map.of("contact", Map.of("number", "4571999999")))
 * }</pre>
 *
 * CONTRACT (issue #3 implements): path segments supplied by users must be percent-encoded by the caller with
 * {@link #pathSegment(String)}; query values are encoded by the transport; {@code withQuery} with a
 * {@code null} value is a no-op so optional filters can be chained; a body is serialized as JSON with the
 * client's ObjectMapper; {@link #idempotent()} defaults to {@link HttpMethod#isIdempotent()} and may be set
 * explicitly for a POST that is safe to repeat.
 */
public final class ApiRequest {
    private ApiRequest() {
        throw new UnsupportedOperationException("issue #3");
    }

    public static ApiRequest get(String path) { throw new UnsupportedOperationException("issue #3"); }
    public static ApiRequest post(String path) { throw new UnsupportedOperationException("issue #3"); }
    public static ApiRequest put(String path) { throw new UnsupportedOperationException("issue #3"); }
    public static ApiRequest delete(String path) { throw new UnsupportedOperationException("issue #3"); }
    /** Percent-encodes one path segment (an id or uuid supplied by a user). */
    public static String pathSegment(String value) { throw new UnsupportedOperationException("issue #3"); }

    public ApiRequest withQuery(String name, @org.jspecify.annotations.Nullable Object value) { throw new UnsupportedOperationException(); }
    public ApiRequest withBody(Object jsonBody) { throw new UnsupportedOperationException(); }
    public ApiRequest withIdempotent(boolean idempotent) { throw new UnsupportedOperationException(); }

    public HttpMethod method() { throw new UnsupportedOperationException(); }
    public String path() { throw new UnsupportedOperationException(); }
    public List<Map.Entry<String, String>> query() { throw new UnsupportedOperationException(); }
    public Optional<Object> body() { throw new UnsupportedOperationException(); }
    public boolean idempotent() { throw new UnsupportedOperationException(); }
}
