package dk.firmafon.error;

/** 404 Not Found: no such resource, or not visible to this user. */
public class NotFoundException extends FirmafonApiException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public NotFoundException(Details details) {
        super(details);
    }
}
