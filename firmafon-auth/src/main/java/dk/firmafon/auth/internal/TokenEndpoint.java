package dk.firmafon.auth.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.auth.ClientAuthentication;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.error.FirmafonException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.error.TokenEndpointException;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * One POST to an OAuth 2.0 token endpoint over Reactor Netty, and the decoding of its answer into an
 * {@link OAuthToken} or a typed error. Never retries: callers decide (an authorization code is one-shot).
 */
public final class TokenEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
    private static final int EXCERPT_CHARS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenUri;
    private final String printableUri;
    private final String clientId;
    private final String clientSecret;
    private final ClientAuthentication clientAuthentication;
    private final Clock clock;
    private final ConnectionProvider connections;
    private final HttpClient http;

    /** What the token endpoint needs to know; the secret is never printed. */
    public TokenEndpoint(URI tokenUri, String clientId, String clientSecret,
            ClientAuthentication clientAuthentication, Duration connectTimeout, Duration responseTimeout,
            Clock clock) {
        this.tokenUri = tokenUri;
        this.printableUri = Redaction.uri(tokenUri);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clientAuthentication = clientAuthentication;
        this.clock = clock;
        this.connections = ConnectionProvider.builder("firmafon-oauth").maxConnections(16)
                .maxIdleTime(Duration.ofSeconds(30)).build();
        this.http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Timeouts.connectMillis(connectTimeout))
                .responseTimeout(Timeouts.capped(responseTimeout));
    }

    /**
     * POSTs {@code grant_type} and the grant's parameters, with the client's credentials placed as configured.
     *
     * @return the token, or a {@link TokenEndpointException} (the server answered, but not with a token) or a
     *     {@link FirmafonIoException} (no answer)
     */
    public Mono<OAuthToken> request(String grantType, Map<String, String> grantParameters) {
        return Mono.defer(() -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("grant_type", grantType);
            parameters.putAll(grantParameters);
            if (clientAuthentication != ClientAuthentication.CLIENT_SECRET_BASIC) {
                parameters.put("client_id", clientId);
                parameters.put("client_secret", clientSecret);
            }
            boolean inQuery = clientAuthentication == ClientAuthentication.QUERY_PARAMETERS;
            String encoded = FormUrlEncoding.encode(parameters);
            URI uri = inQuery ? withQuery(tokenUri, encoded) : tokenUri;
            byte[] body = inQuery ? new byte[0] : encoded.getBytes(StandardCharsets.US_ASCII);
            LOG.debug("POST {} grant_type={} client authentication {}", printableUri, grantType,
                    clientAuthentication);
            return http
                    .headers(headers -> {
                        headers.set(HttpHeaderNames.ACCEPT, "application/json");
                        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                        if (!inQuery) {
                            headers.set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded");
                        }
                        if (clientAuthentication == ClientAuthentication.CLIENT_SECRET_BASIC) {
                            headers.set(HttpHeaderNames.AUTHORIZATION, basic());
                        }
                    })
                    .post()
                    .uri(uri)
                    .send((request, out) -> out.sendByteArray(Mono.just(body)))
                    .responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
                            .defaultIfEmpty("")
                            .map(text -> new Answer(response.status().code(), text)))
                    .onErrorMap(e -> !(e instanceof FirmafonException), this::ioFailure)
                    .map(this::decode);
        });
    }

    private String basic() {
        // RFC 6749 §2.3.1: id and secret are form-encoded before Basic encoding
        String pair = FormUrlEncoding.encode(clientId) + ":" + FormUrlEncoding.encode(clientSecret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static URI withQuery(URI uri, String query) {
        String text = uri.toString();
        return URI.create(text + (uri.getRawQuery() == null ? "?" : "&") + query);
    }

    private FirmafonIoException ioFailure(Throwable cause) {
        String detail = cause.getMessage() == null ? ""
                : ": " + Redaction.excerpt(Redaction.uri(cause.getMessage()), EXCERPT_CHARS);
        LOG.debug("POST {} failed: {}{}", printableUri, cause.getClass().getSimpleName(), detail);
        return new FirmafonIoException(
                "POST " + printableUri + " failed: " + cause.getClass().getSimpleName() + detail, cause);
    }

    private record Answer(int status, String body) {
    }

    private OAuthToken decode(Answer answer) {
        LOG.debug("POST {} answered {}", printableUri, answer.status());
        JsonNode json = parse(answer.body());
        boolean success = answer.status() >= 200 && answer.status() < 300;
        if (success && json != null && json.path("access_token").isTextual()) {
            try {
                return token(json);
            } catch (IllegalArgumentException unusable) {
                throw unusable(answer, "a malformed token (" + unusable.getMessage() + ")");
            }
        }
        if (success) {
            throw unusable(answer, "no access_token");
        }
        if (json != null && json.path("error").isTextual()) {
            String error = json.get("error").asText();
            String description = json.path("error_description").isTextual()
                    ? json.get("error_description").asText() : null;
            throw new TokenEndpointException("token endpoint POST " + printableUri + " answered " + answer.status()
                    + ": " + Redaction.excerpt(error, 64)
                    + (description == null ? "" : " (" + Redaction.excerpt(description, EXCERPT_CHARS) + ")"),
                    answer.status(), error, description, null);
        }
        throw unusable(answer, answer.body().isBlank() ? "an empty body" : "a body that is not an OAuth error");
    }

    private TokenEndpointException unusable(Answer answer, String what) {
        String excerpt = Redaction.excerpt(answer.body(), EXCERPT_CHARS);
        return new TokenEndpointException("token endpoint POST " + printableUri + " answered " + answer.status()
                + " with " + what + (excerpt.isEmpty() ? "" : ": " + excerpt), answer.status(), null, null, excerpt);
    }

    private static @Nullable JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null; // its message may quote the body: never propagated
        }
    }

    private OAuthToken token(JsonNode json) {
        OAuthToken.Builder token = OAuthToken.builder()
                .accessToken(json.get("access_token").asText())
                .receivedAt(clock.instant());
        text(json, "token_type").ifPresent(token::tokenType);
        text(json, "refresh_token").ifPresent(token::refreshToken);
        text(json, "scope").ifPresent(token::scope);
        seconds(json, "expires_in").filter(s -> s >= 0).ifPresent(s -> token.expiresIn(Duration.ofSeconds(s)));
        seconds(json, "created_at").ifPresent(s -> token.createdAt(Instant.ofEpochSecond(s)));
        return token.build();
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode node = json.path(field);
        return node.isTextual() && !node.asText().isEmpty()
                ? Optional.of(node.asText()) : Optional.empty();
    }

    private static Optional<Long> seconds(JsonNode json, String field) {
        JsonNode node = json.path(field);
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Optional.of(node.asLong());
        }
        if (node.isTextual() && node.asText().matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(node.asText()));
        }
        return Optional.empty();
    }

    /** Releases the connection pool; does not block. */
    @Override
    public void close() {
        connections.dispose();
    }
}
