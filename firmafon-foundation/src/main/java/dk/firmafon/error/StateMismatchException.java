package dk.firmafon.error;

/**
 * The callback's {@code state} is missing or is not the one the SDK generated for this authorization request: the
 * callback may be forged (CSRF) and is refused. If the authorization server does not echo {@code state} at all,
 * turn the check off on the client builder.
 */
public class StateMismatchException extends OAuthCallbackException {
    private static final long serialVersionUID = 1L;

    private final boolean stateMissing;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public StateMismatchException(boolean stateMissing) {
        super(
                stateMissing
                        ? "state mismatch: the callback has no state parameter (if the authorization server does not echo"
                                + " state, turn the state check off)"
                        : "state mismatch: the callback's state is not the one sent with the authorization request");
        this.stateMissing = stateMissing;
    }

    /** {@code true} when the callback carried no state at all, {@code false} when it carried a different one. */
    public boolean isStateMissing() {
        return stateMissing;
    }
}
