package dk.firmafon.error;

/**
 * The client was closed: the request was not sent (it was subscribed after {@code close()}, or was still waiting
 * for a connection), or it was in flight and cancelled by {@code close()} (then {@link #requestMayHaveBeenSent()}
 * is {@code true} and the server may have received it).
 */
public class FirmafonClosedException extends FirmafonException {
    private static final long serialVersionUID = 1L;

    private final boolean requestMayHaveBeenSent;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public FirmafonClosedException(String message, boolean requestMayHaveBeenSent) {
        super(message);
        this.requestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    /** Whether the request had started to be written before the client was closed. */
    @Override
    public boolean requestMayHaveBeenSent() {
        return requestMayHaveBeenSent;
    }
}
