package dk.firmafon.auth;

import dk.firmafon.auth.internal.TokenManager;
import dk.firmafon.error.ReauthorizationRequiredException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The OAuth 2.0 authorization-code flow, bound to one user's tokens in an {@link OAuth2Client}'s
 * {@link TokenStore}. Obtain it with {@link OAuth2Client#forUser(String)} or
 * {@link OAuth2Client#exchangeAndStore(String, AuthorizationCode, AuthorizationRequest)}.
 *
 * <p>{@link #credential()} uses the stored token while it is fresh; when it is within the client's refresh-ahead
 * margin of its expiry (and a refresh token exists) it is refreshed first, once for all concurrent callers; if
 * that refresh fails, a still-valid token stays in use. Without a usable token it fails with
 * {@link dk.firmafon.error.ReauthorizationRequiredException}: send the user through the authorization flow again.
 */
public final class OAuth2Auth implements AuthStrategy {
    private final String userKey;
    private final @Nullable TokenManager tokens;
    private final @Nullable ExternalTokens external;

    OAuth2Auth(String userKey, TokenManager tokens) {
        this.userKey = userKey;
        this.tokens = tokens;
        this.external = null;
    }

    private OAuth2Auth(String description, ExternalTokens external) {
        this.userKey = description;
        this.tokens = null;
        this.external = external;
    }

    /**
     * The OAuth flow run by someone else: tokens come from {@code source} (Spring Security's authorized clients, say),
     * are sent as {@code Authorization: Bearer}, and a 401 is reported back to it.
     *
     * @param description what the tokens belong to, for {@link #userKey()} and messages (e.g.
     *     {@code "spring-security:firmafon"}); never a secret
     * @throws IllegalArgumentException when either is null or the description is blank
     */
    public static OAuth2Auth external(String description, ExternalTokens source) {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description must not be null or blank");
        }
        if (source == null) {
            throw new IllegalArgumentException("source must not be null");
        }
        return new OAuth2Auth(description, source);
    }

    /** The application's key for the user whose tokens this strategy uses (for external tokens, their description). */
    public String userKey() {
        return userKey;
    }

    /** The user's current token, refreshed first if it is about to expire (same rules as {@link #credential()}). */
    public Mono<OAuthToken> token() {
        if (external != null) {
            return Mono.defer(external::token)
                    .switchIfEmpty(Mono.error(() -> new ReauthorizationRequiredException(
                            userKey, "no token: the user is not signed in (or no longer authorized)", null)));
        }
        return tokens.token(userKey);
    }

    /** {@code Authorization: Bearer ACCESS_TOKEN} for the user's current token. */
    @Override
    public Mono<Credential> credential() {
        return token().map(TokenManager::credentialFor);
    }

    /**
     * Drops the rejected access token. Answers {@code true} when another one can be used: a newer token is already
     * stored, or a refresh token exists (the next {@link #credential()} refreshes). Answers {@code false} and
     * removes the token when there is no refresh token: the next {@link #credential()} then fails with
     * {@link dk.firmafon.error.ReauthorizationRequiredException}.
     */
    @Override
    public Mono<Boolean> invalidate(Credential rejected) {
        if (external != null) {
            String value = rejected.value();
            String accessToken = value.startsWith("Bearer ") ? value.substring(7) : value;
            return Mono.defer(() -> external.rejected(accessToken)).defaultIfEmpty(false);
        }
        return tokens.invalidate(userKey, rejected);
    }

    @Override
    public String toString() {
        return "OAuth2Auth{" + (external != null ? "external=" : "userKey=") + userKey + "}";
    }
}
