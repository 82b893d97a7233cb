package dk.firmafon.error;

import org.jspecify.annotations.Nullable;

/**
 * The exchange failed below HTTP: the connection was refused or reset, the host did not resolve, the response was
 * malformed or did not arrive in time. The message names the method and the redacted URI, never a credential.
 */
public class FirmafonIoException extends FirmafonException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public FirmafonIoException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
