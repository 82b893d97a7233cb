package dk.firmafon.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain JDK HTTP for the testkit's own tests (deliberately not the SDK). */
final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Http() {}

    static URI uri(FakeFirmafon fake, String pathAndQuery) {
        return URI.create(fake.baseUri() + pathAndQuery);
    }

    /** A request with the fake's token as a Bearer header. */
    static HttpRequest.Builder authorized(FakeFirmafon fake, String pathAndQuery) {
        return HttpRequest.newBuilder(uri(fake, pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + fake.accessToken());
    }

    static HttpResponse<String> get(FakeFirmafon fake, String pathAndQuery) {
        return send(authorized(fake, pathAndQuery).GET().build());
    }

    static HttpResponse<String> json(FakeFirmafon fake, String method, String pathAndQuery, String body) {
        return send(authorized(fake, pathAndQuery)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The calls {@code GET /calls<query>} answers. */
    static java.util.List<JsonNode> calls(FakeFirmafon fake, String query) {
        java.util.List<JsonNode> calls = new java.util.ArrayList<>();
        body(get(fake, "/calls" + query)).get("calls").forEach(calls::add);
        return calls;
    }

    static java.time.Instant startedAt(JsonNode call) {
        return java.time.OffsetDateTime.parse(call.get("started_at").asText()).toInstant();
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static JsonNode body(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
