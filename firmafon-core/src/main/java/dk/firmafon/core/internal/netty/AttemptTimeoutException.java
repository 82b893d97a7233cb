package dk.firmafon.core.internal.netty;

/** Raised on a connection by {@link ResponseTimeout} when an attempt outlives the attempt timeout. */
final class AttemptTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final AttemptTimeoutException INSTANCE = new AttemptTimeoutException();

    private AttemptTimeoutException() {
        super("the attempt deadline passed", null, false, false);
    }
}
