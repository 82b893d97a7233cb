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

    /**
     * Whether the request that failed may have reached the server, so that repeating it by hand could act twice (an
     * SMS sent twice). Every failure a call can deliver answers it: {@code true} for an answer from the server (every
     * {@link FirmafonApiException}, a {@link FirmafonDecodingException}) and wherever the SDK cannot know;
     * {@code false} where nothing was sent (refused before sending: {@link FirmafonSecurityException}, a token that
     * could not be had, a store that failed); {@link FirmafonIoException} and {@link FirmafonClosedException} know
     * for each request. An {@link IllegalArgumentException} (bad input) is never sent.
     */
    public boolean requestMayHaveBeenSent() {
        return true;
    }
}
