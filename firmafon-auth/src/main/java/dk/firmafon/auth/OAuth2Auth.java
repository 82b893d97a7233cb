package dk.firmafon.auth;

import dk.firmafon.auth.internal.TokenManager;
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
    private final TokenManager tokens;

    OAuth2Auth(String userKey, TokenManager tokens) {
        this.userKey = userKey;
        this.tokens = tokens;
    }

    /** The application's key for the user whose tokens this strategy uses. */
    public String userKey() {
        return userKey;
    }

    /** The user's current token, refreshed first if it is about to expire (same rules as {@link #credential()}). */
    public Mono<OAuthToken> token() {
        return tokens.token(userKey);
    }

    /** {@code Authorization: Bearer ACCESS_TOKEN} for the user's current token. */
    @Override
    public Mono<Credential> credential() {
        return tokens.token(userKey).map(TokenManager::credentialFor);
    }

    /**
     * Drops the rejected access token. Answers {@code true} when another one can be used: a newer token is already
     * stored, or a refresh token exists (the next {@link #credential()} refreshes). Answers {@code false} and
     * removes the token when there is no refresh token: the next {@link #credential()} then fails with
     * {@link dk.firmafon.error.ReauthorizationRequiredException}.
     */
    @Override
    public Mono<Boolean> invalidate(Credential rejected) {
        return tokens.invalidate(userKey, rejected);
    }

    @Override
    public String toString() {
        return "OAuth2Auth{userKey=" + userKey + "}";
    }
}
