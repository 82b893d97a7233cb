package dk.firmafon.error;

/**
 * A cursor-paged listing cannot go on because the server did not honour its cursor: a page asked for at or before
 * the cursor brought nothing new, only items later than the cursor (the server ignored it). The message names the
 * listing, the cursor parameter and value, and what the page held. The listing ends with this error instead of
 * asking for the same page again.
 */
public class PagingException extends FirmafonException {
    private static final long serialVersionUID = 1L;

    private final String cursorParameter;
    private final String cursorValue;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public PagingException(String message, String cursorParameter, String cursorValue) {
        super(message);
        this.cursorParameter = cursorParameter;
        this.cursorValue = cursorValue;
    }

    /** The cursor's query parameter, e.g. {@code started_at_lt_or_eq}. */
    public String cursorParameter() {
        return cursorParameter;
    }

    /** The cursor value the server did not honour, as sent. */
    public String cursorValue() {
        return cursorValue;
    }
}
