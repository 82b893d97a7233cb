package dk.firmafon.auth.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.auth.ClientAuthentication;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.error.TokenEndpointException;
import dk.firmafon.foundation.internal.Checks;
import dk.firmafon.foundation.internal.Redaction;
import dk.firmafon.foundation.internal.Retries;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One POST to an OAuth 2.0 token endpoint, sent by a {@link TokenTransport}, and the decoding of its answer into an
 * {@link OAuthToken} or a typed error. Never retries: callers decide, with the SDK's one retry engine
 * ({@link Retries}; an authorization code is one-shot).
 */
public final class TokenEndpoint implements AutoCloseable {
    /** The largest token endpoint response read; a token answer is a few hundred bytes. */
    public static final int MAX_RESPONSE_BYTES = 64 * 1024;
    /** {@code expires_in} beyond this counts as this (and no expiry computation can overflow). */
    public static final Duration LONGEST_LIFETIME = Duration.ofDays(3653);
    /** The latest {@code created_at} read: 9999-12-31T23:59:59Z. */
    private static final long LATEST_EPOCH_SECOND = 253_402_300_799L;

    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
    private static final int EXCERPT_CHARS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // the first readTree creates and caches the tree deserializer under a lock; done here, once, it never makes
        // a Reactor thread wait (BlockHound caught two first uses contending)
        try {
            JSON.readTree("{}");
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private final URI tokenUri;
    private final String printableUri;
    private final String clientId;
    private final String clientSecret;
    private final ClientAuthentication clientAuthentication;
    private final Clock clock;
    private final TokenTransport transport;

    /**
     * What the token endpoint needs to know; the secret is never printed.
     *
     * @param tokenUri checked by {@link Checks#absoluteUri(String, URI)}: it is sent exactly as {@link URI} parsed it
     * @param transport how the POST travels: a {@link NettyTokenTransport} of its own, or the API client's pipeline
     */
    public TokenEndpoint(
            URI tokenUri,
            String clientId,
            String clientSecret,
            ClientAuthentication clientAuthentication,
            Clock clock,
            TokenTransport transport) {
        this.tokenUri = URI.create(Checks.canonical(tokenUri));
        this.printableUri = Redaction.uri(tokenUri);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clientAuthentication = clientAuthentication;
        this.clock = clock;
        this.transport = transport;
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
            List<String> secrets = new ArrayList<>(4);
            secrets.add(clientSecret);
            secrets.add(basicPair());
            for (String name : List.of("code", "code_verifier", "refresh_token")) {
                String value = grantParameters.get(name);
                if (value != null) {
                    secrets.add(value);
                }
            }
            String encoded = FormUrlEncoding.encode(parameters);
            LOG.debug("POST {} grant_type={} client authentication {}", printableUri, grantType, clientAuthentication);
            TokenTransport.Post post = new TokenTransport.Post(
                    tokenUri,
                    printableUri,
                    inQuery ? null : encoded.getBytes(StandardCharsets.US_ASCII),
                    // in the query, the parameters are added to the request line on the connection, never given to
                    // a library that logs URIs (see CredentialQuery)
                    inQuery ? encoded : null,
                    clientAuthentication == ClientAuthentication.CLIENT_SECRET_BASIC ? basic() : null,
                    MAX_RESPONSE_BYTES,
                    this::tooLarge);
            return transport.post(post).map(answer -> decode(answer, secrets));
        });
    }

    private TokenEndpointException tooLarge(int status, String what) {
        return new TokenEndpointException(
                "token endpoint POST " + printableUri + " answered " + status
                        + " with a body over the limit of " + MAX_RESPONSE_BYTES + " bytes for a token response ("
                        + what
                        + "); it was not read",
                status,
                null,
                null,
                null);
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(basicPair().getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 6749 §2.3.1: id and secret are form-encoded before Basic encoding. */
    private String basicPair() {
        return FormUrlEncoding.encode(clientId) + ":" + FormUrlEncoding.encode(clientSecret);
    }

    private OAuthToken decode(TokenTransport.Answer answer, List<String> secrets) {
        LOG.debug("POST {} answered {}", printableUri, answer.status());
        JsonNode json = parse(answer.body());
        boolean success = answer.status() >= 200 && answer.status() < 300;
        if (success) {
            // the body of a 2xx answer is never printed: it may hold a token under any name
            if (json == null) {
                throw unusable(answer, answer.body().isBlank() ? "an empty body" : "a body that is not a JSON object");
            }
            if (!json.path("access_token").isTextual()) {
                throw unusable(
                        answer, json.has("access_token") ? "an access_token that is not a string" : "no access_token");
            }
            return token(answer, json);
        }
        if (json != null && json.path("error").isTextual()) {
            String error = Redaction.maskValues(json.get("error").asText(), secrets);
            String description = json.path("error_description").isTextual()
                    ? Redaction.maskValues(json.get("error_description").asText(), secrets)
                    : null;
            throw new TokenEndpointException(
                    "token endpoint POST " + printableUri + " answered " + answer.status()
                            + ": " + Redaction.excerpt(error, 64)
                            + (description == null ? "" : " (" + Redaction.excerpt(description, EXCERPT_CHARS) + ")"),
                    answer.status(),
                    Redaction.excerpt(error, 64),
                    description == null ? null : Redaction.excerpt(description, EXCERPT_CHARS),
                    null);
        }
        String excerpt = Redaction.excerpt(Redaction.maskValues(answer.body(), secrets), EXCERPT_CHARS);
        String what = answer.body().isBlank() ? "an empty body" : "a body that is not an OAuth error";
        throw new TokenEndpointException(
                "token endpoint POST " + printableUri + " answered " + answer.status() + " with " + what
                        + (excerpt.isEmpty() ? "" : ": " + excerpt),
                answer.status(),
                null,
                null,
                excerpt.isEmpty() ? null : excerpt);
    }

    /** A 2xx answer that is not a usable token; {@code what} names the fault, never a value of the body. */
    private TokenEndpointException unusable(TokenTransport.Answer answer, String what) {
        return new TokenEndpointException(
                "token endpoint POST " + printableUri + " answered " + answer.status() + " with " + what
                        + " (the body of a successful token response is never printed)",
                answer.status(),
                null,
                null,
                null);
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

    /**
     * Validates every field the SDK uses: {@code access_token} (and {@code refresh_token}) visible ASCII, as an HTTP
     * header can carry them; {@code token_type} absent or {@code Bearer} (any case); {@code expires_in} a whole
     * number of seconds, not negative, beyond {@link #LONGEST_LIFETIME} counting as that; {@code created_at} whole
     * seconds between 1970 and 9999. A field that fails is a {@link TokenEndpointException} naming it.
     */
    private OAuthToken token(TokenTransport.Answer answer, JsonNode json) {
        String accessToken = json.get("access_token").asText();
        if (!isVisibleAscii(accessToken)) {
            throw unusable(answer, "an access_token that is empty or holds characters a header cannot carry");
        }
        OAuthToken.Builder token = OAuthToken.builder().accessToken(accessToken).receivedAt(clock.instant());
        JsonNode type = json.path("token_type");
        if (!type.isMissingNode() && !type.isNull()) {
            if (!type.isTextual() || !type.asText().equalsIgnoreCase("bearer")) {
                throw unusable(
                        answer,
                        "token_type "
                                + (type.isTextual()
                                        ? "\"" + Redaction.excerpt(type.asText(), 32) + "\""
                                        : "of JSON type " + type.getNodeType())
                                + ", which this SDK does not support (only Bearer)");
            }
            token.tokenType(type.asText());
        }
        JsonNode refresh = json.path("refresh_token");
        if (!refresh.isMissingNode() && !refresh.isNull()) {
            if (!refresh.isTextual() || !isVisibleAscii(refresh.asText())) {
                throw unusable(answer, "a refresh_token that is not a string of visible ASCII characters");
            }
            token.refreshToken(refresh.asText());
        }
        JsonNode scope = json.path("scope");
        if (scope.isTextual() && !scope.asText().isEmpty()) {
            token.scope(scope.asText());
        }
        Long expiresIn = seconds(answer, json, "expires_in", 0, Long.MAX_VALUE);
        if (expiresIn != null) {
            token.expiresIn(
                    expiresIn > LONGEST_LIFETIME.getSeconds() ? LONGEST_LIFETIME : Duration.ofSeconds(expiresIn));
        }
        Long createdAt = seconds(answer, json, "created_at", 0, LATEST_EPOCH_SECOND);
        if (createdAt != null) {
            token.createdAt(Instant.ofEpochSecond(createdAt));
        }
        try {
            return token.build();
        } catch (IllegalArgumentException unusable) {
            throw unusable(answer, "a malformed token (" + unusable.getMessage() + ")");
        }
    }

    private static boolean isVisibleAscii(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * A whole number of seconds in {@code field} (a JSON integer, or a string of digits), or null when absent or
     * null; anything else (fractions, exponents, words, out of {@code min..max}) is refused naming the field.
     */
    private @Nullable Long seconds(TokenTransport.Answer answer, JsonNode json, String field, long min, long max) {
        JsonNode node = json.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        java.math.BigInteger value = null;
        if (node.isIntegralNumber()) {
            value = node.bigIntegerValue();
        } else if (node.isTextual() && node.asText().matches("-?\\d{1,40}")) {
            value = new java.math.BigInteger(node.asText());
        }
        if (value == null) {
            throw unusable(answer, field + " that is not a whole number of seconds");
        }
        if (value.signum() < 0 || value.compareTo(java.math.BigInteger.valueOf(min)) < 0) {
            throw unusable(answer, "a negative " + field);
        }
        if (value.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            if (max == Long.MAX_VALUE) {
                return Long.MAX_VALUE; // clamped by the caller
            }
            throw unusable(answer, field + " beyond the year 9999");
        }
        return value.longValue();
    }

    /** Releases what the transport owns (a shared one stays open); does not block. */
    @Override
    public void close() {
        transport.close();
    }
}
