package dk.firmafon.error;

import org.jspecify.annotations.Nullable;

/**
 * The token store could not be read or written (the database or Redis is down, a timeout, a refused command).
 * Nothing was lost: the SDK never removes a stored token because the store failed, and the next request tries the
 * store again. The message names the store and the failure, never a token.
 */
public final class TokenStoreException extends FirmafonException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules and store implementations. */
    public TokenStoreException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** {@code false}: the API request this stands for was not sent. */
    @Override
    public boolean requestMayHaveBeenSent() {
        return false;
    }
}
