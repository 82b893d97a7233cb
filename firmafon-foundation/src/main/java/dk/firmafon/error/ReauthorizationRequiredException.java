package dk.firmafon.error;

import org.jspecify.annotations.Nullable;

/**
 * There is no usable OAuth token for a user, and none can be obtained without the user: no token was ever stored,
 * the access token was rejected or expired without a refresh token, or the refresh token itself was rejected
 * ({@code invalid_grant}). Send the user through the authorization flow again.
 */
public class ReauthorizationRequiredException extends OAuthException {
    private static final long serialVersionUID = 1L;

    private final String userKey;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public ReauthorizationRequiredException(String userKey, String reason, @Nullable Throwable cause) {
        super("re-authorization required for user key '" + userKey + "': " + reason, cause);
        this.userKey = userKey;
    }

    /** The application's key for the user whose authorization is gone. */
    public String userKey() {
        return userKey;
    }
}
