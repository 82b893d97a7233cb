package dk.firmafon.auth;

import org.jspecify.annotations.Nullable;

/**
 * Told whenever the SDK stores a new token for a user (after the code exchange or a refresh) or removes one (the
 * grant was rejected), so an application can persist it. Called on a Reactor thread: it must not block. Exceptions
 * it throws are logged at DEBUG and otherwise ignored.
 */
@FunctionalInterface
public interface TokenListener {

    /**
     * @param userKey the application's key for the user
     * @param token the new token, or {@code null} when the user's token was removed
     */
    void tokenChanged(String userKey, @Nullable OAuthToken token);
}
