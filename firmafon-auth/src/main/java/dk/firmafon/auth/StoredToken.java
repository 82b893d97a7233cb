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
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * The token {@link #encode} wrote.
     *
     * @throws TokenStoreException when {@code text} is not such a token (the message never quotes it)
     */
    public static OAuthToken decode(String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (IOException e) {
            throw new TokenStoreException("a stored token is not JSON", null);
        }
        OAuthToken.Builder token = OAuthToken.builder()
                .accessToken(json.path("access_token").asText())
                .receivedAt(Instant.parse(json.path("received_at").asText()));
        if (json.hasNonNull("token_type")) {
            token.tokenType(json.get("token_type").asText());
        }
        if (json.hasNonNull("expires_in")) {
            token.expiresIn(Duration.ofSeconds(json.get("expires_in").asLong()));
        }
        if (json.hasNonNull("refresh_token")) {
            token.refreshToken(json.get("refresh_token").asText());
        }
        if (json.hasNonNull("scope")) {
            token.scope(json.get("scope").asText());
        }
        if (json.hasNonNull("created_at")) {
            token.createdAt(Instant.parse(json.get("created_at").asText()));
        }
        return token.build();
    }
}
