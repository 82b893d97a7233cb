package dk.firmafon.error;

/** 401 Unauthorized: the credential is missing, invalid or revoked. A strategy that could obtain a new one has already been asked once. */
public class AuthenticationException extends FirmafonApiException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(Details details) {
        super(details);
    }
}
