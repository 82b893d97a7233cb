package dk.firmafon.error;

import org.jspecify.annotations.Nullable;

/**
 * Root of everything that can go wrong in the OAuth 2.0 authorization-code flow: an unusable callback
 * ({@link OAuthCallbackException}), an error from the token endpoint ({@link TokenEndpointException}), or a user
 * whose tokens are gone ({@link ReauthorizationRequiredException}). Messages never contain a client secret, token,
 * authorization code or PKCE verifier.
 */
public abstract class OAuthException extends FirmafonException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    protected OAuthException(String message) {
        super(message);
    }

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    protected OAuthException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** {@code false}: the API request this stands for was not sent. */
    @Override
    public boolean requestMayHaveBeenSent() {
        return false;
    }
}
