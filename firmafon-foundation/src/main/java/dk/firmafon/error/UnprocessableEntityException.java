package dk.firmafon.error;

/** 422 Unprocessable Entity: the service rejected the request's data. */
public class UnprocessableEntityException extends FirmafonApiException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public UnprocessableEntityException(Details details) {
        super(details);
    }
}
