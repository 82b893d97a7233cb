package dk.firmafon.error;

/** 422 Unprocessable Entity: the service rejected the request's data. */
public class UnprocessableEntityException extends FirmafonApiException {
    private static final long serialVersionUID = 1L;

    public UnprocessableEntityException(Details details) {
        super(details);
    }
}
