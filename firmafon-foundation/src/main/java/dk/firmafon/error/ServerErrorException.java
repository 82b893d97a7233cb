package dk.firmafon.error;

/** A 5xx status: the service (or a proxy in front of it) failed; the body is often an HTML page. */
public class ServerErrorException extends FirmafonApiException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public ServerErrorException(Details details) {
        super(details);
    }
}
