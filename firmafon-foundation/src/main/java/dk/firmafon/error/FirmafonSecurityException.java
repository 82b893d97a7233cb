package dk.firmafon.error;

import org.jspecify.annotations.Nullable;

/**
 * The SDK refused to send a credential where it could leak: over plain {@code http://} to a host that is not
 * loopback (unless insecure HTTP was allowed explicitly), or to a host other than the configured API host (nothing
 * was sent); or, as {@link FirmafonTlsException}, the server's TLS certificate or host name could not be verified.
 */
public class FirmafonSecurityException extends FirmafonException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public FirmafonSecurityException(String message) {
        super(message);
    }

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public FirmafonSecurityException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** {@code false}: the API request this stands for was not sent. */
    @Override
    public boolean requestMayHaveBeenSent() {
        return false;
    }
}
