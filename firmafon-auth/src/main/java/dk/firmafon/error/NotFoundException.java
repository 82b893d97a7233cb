package dk.firmafon.error;

/** 404 Not Found: no such resource, or not visible to this user. */
public class NotFoundException extends FirmafonApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(Details details) {
        super(details);
    }
}
