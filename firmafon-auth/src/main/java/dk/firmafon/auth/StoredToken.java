package dk.firmafon.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.firmafon.error.TokenStoreException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The text form of an {@link OAuthToken} for {@link TokenStore}s that keep tokens as text (a Redis value, a database
 * column): one stable JSON shape, written and read by every store of the SDK. The text holds the secrets: keep it as
 * you would a password.
 */
public final class StoredToken {
    /** Anything after the JSON document refused, as everywhere the SDK reads JSON. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        try {
            JSON.readTree("{}"); // the tree deserializer created here, not under a lock on a Reactor thread
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private StoredToken() {}

    /**
     * The token as JSON with a fixed field order, so the same token always has the same text (a store's
     * compare-and-set may compare the texts).
     */
    public static String encode(OAuthToken token) {
        ObjectNode json = JSON.createObjectNode().put("access_token", token.accessToken());
        token.tokenType().ifPresent(type -> json.put("token_type", type));
        token.expiresIn().ifPresent(expiresIn -> json.put("expires_in", expiresIn.getSeconds()));
        token.refreshToken().ifPresent(refresh -> json.put("refresh_token", refresh));
        token.scope().ifPresent(scope -> json.put("scope", scope));
        token.createdAt().ifPresent(created -> json.put("created_at", created.toString()));
        json.put("received_at", token.receivedAt().toString());
        return json.toString();
    }

    /** The longest {@code expires_in} read back: ten years, as the token endpoint's answers are clamped. */
    private static final long MAX_EXPIRES_IN = Duration.ofDays(3650).getSeconds();

    /**
     * The token {@link #encode} wrote: every store decodes through this one validating path. A value that is not
     * such a token (empty, not JSON, anything after the JSON, not an object, or a field missing, of the wrong type or
     * out of range) is a {@link TokenStoreException} naming what is wrong with which field, never quoting the text (it
     * may hold a token); the store leaves the key as it is.
     *
     * @throws TokenStoreException when {@code text} is not such a token
     */
    public static OAuthToken decode(String text) {
        if (text == null || text.isBlank()) {
            throw corrupt("it is empty");
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (IOException e) {
            throw corrupt("it is not one JSON document");
        }
        if (json == null || !json.isObject()) {
            throw corrupt("it is not a JSON object");
        }
        OAuthToken.Builder token = OAuthToken.builder()
                .accessToken(requiredText(json, "access_token"))
                .receivedAt(instant(json, "received_at")
                        .orElseThrow(() -> corrupt("received_at is missing (an ISO-8601 instant is required)")));
        optionalText(json, "token_type").ifPresent(token::tokenType);
        optionalText(json, "refresh_token").ifPresent(token::refreshToken);
        optionalText(json, "scope").ifPresent(token::scope);
        instant(json, "created_at").ifPresent(token::createdAt);
        JsonNode expiresIn = json.path("expires_in");
        if (!expiresIn.isMissingNode() && !expiresIn.isNull()) {
            if (!expiresIn.isIntegralNumber()
                    || !expiresIn.canConvertToLong()
                    || expiresIn.asLong() < 0
                    || expiresIn.asLong() > MAX_EXPIRES_IN) {
                throw corrupt("expires_in is not a whole number of seconds from 0 to " + MAX_EXPIRES_IN);
            }
            token.expiresIn(Duration.ofSeconds(expiresIn.asLong()));
        }
        try {
            return token.build();
        } catch (RuntimeException invalid) {
            throw corrupt("its fields do not make a valid token ("
                    + invalid.getClass().getSimpleName() + ")");
        }
    }

    private static String requiredText(JsonNode json, String field) {
        return optionalText(json, field)
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> corrupt(field + " is missing or blank (a string is required)"));
    }

    private static java.util.Optional<String> optionalText(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return java.util.Optional.empty();
        }
        if (!value.isTextual()) {
            throw corrupt(field + " is a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not a string");
        }
        return java.util.Optional.of(value.asText());
    }

    private static java.util.Optional<Instant> instant(JsonNode json, String field) {
        return optionalText(json, field).map(value -> {
            try {
                return Instant.parse(value);
            } catch (java.time.DateTimeException unreadable) {
                throw corrupt(field + " is not an ISO-8601 instant");
            }
        });
    }

    private static TokenStoreException corrupt(String what) {
        return new TokenStoreException("a stored token cannot be read: " + what, null);
    }
}
