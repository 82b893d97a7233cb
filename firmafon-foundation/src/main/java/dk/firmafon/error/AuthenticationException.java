package dk.firmafon.error;

/** 401 Unauthorized: the credential is missing, invalid or revoked. A strategy that could obtain a new one has already been asked once. */
public class AuthenticationException extends FirmafonApiException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public AuthenticationException(Details details) {
        super(details);
    }
}
