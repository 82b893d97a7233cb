package dk.firmafon.error;

/** 403 Forbidden: the credential is valid but lacks the rights (admin rights, a switch, a company in trial). */
public class ForbiddenException extends FirmafonApiException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public ForbiddenException(Details details) {
        super(details);
    }
}
