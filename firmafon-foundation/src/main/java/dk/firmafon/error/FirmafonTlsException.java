package dk.firmafon.error;

import org.jspecify.annotations.Nullable;

/**
 * The TLS handshake failed for a reason that repeating it will not change: the server's certificate is not trusted
 * (self-signed, unknown CA, expired), does not name the host, or the two sides share no protocol or cipher suite.
 * Never retried. Nothing of the request was sent. The message says which check failed (the JDK's own words).
 */
public class FirmafonTlsException extends FirmafonSecurityException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public FirmafonTlsException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
