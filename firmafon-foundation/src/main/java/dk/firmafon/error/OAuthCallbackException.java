package dk.firmafon.error;

/**
 * The redirect back from the authorization endpoint cannot be used: it carries no {@code code}, or repeats a
 * parameter. Its subclasses name the two common cases: {@link AuthorizationErrorException} (the server sent
 * {@code error=...}) and {@link StateMismatchException} (the {@code state} is missing or different).
 */
public class OAuthCallbackException extends OAuthException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public OAuthCallbackException(String message) {
        super(message);
    }
}
