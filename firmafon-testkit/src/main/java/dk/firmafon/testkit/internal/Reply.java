package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.common.InputStreamSource;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a handler answers: status, headers and either a body in memory or a body streamed from a source of known length.
 */
public record Reply(int status, Map<String, String> headers, byte[] body, @Nullable InputStreamSource stream) {

    public static final String JSON = "application/json; charset=utf-8";

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, JsonNode body) {
        return new Reply(status, Map.of("Content-Type", JSON), Json.bytes(body), null);
    }

    public static Reply ok(JsonNode body) {
        return json(200, body);
    }

    /** {@code 200 {"key": value}}. */
    public static Reply ok(String key, JsonNode value) {
        return json(200, Json.envelope(key, value));
    }

    /** 200 with an empty body, as the service answers a delete. */
    public static Reply emptyOk() {
        return new Reply(200, Map.of("Content-Type", JSON), new byte[0], null);
    }

    public static Reply text(int status, String contentType, String body) {
        return new Reply(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8), null);
    }

    public static Reply redirect(String location) {
        return new Reply(302, Map.of("Location", location, "Cache-Control", "no-store"), new byte[0], null);
    }

    public static Reply streamed(String contentType, long length, InputStreamSource source) {
        return new Reply(
                200, Map.of("Content-Type", contentType, "Content-Length", Long.toString(length)), new byte[0], source);
    }

    /** A copy with one more header. */
    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body, stream);
    }
}
