package dk.firmafon.error;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the SDK delivers. Unchecked, and always delivered as an error signal in the
 * {@code Mono}/{@code Flux} a method returned. Messages never contain tokens, client secrets or
 * authorization codes.
 */
public abstract class FirmafonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    protected FirmafonException(String message) {
        super(message);
    }

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    protected FirmafonException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
