package dk.firmafon.error;

import org.jspecify.annotations.Nullable;

/**
 * The exchange failed below HTTP: the connection was refused or reset, the host did not resolve, the response was
 * malformed or did not arrive in time. {@link #kind()} says which; {@link #requestMayHaveBeenSent()} says whether
 * the server may have received the request (for a message or a dial: whether it may have been sent). The message
 * names the method and the redacted URI, never a credential.
 */
public class FirmafonIoException extends FirmafonException {
    private static final long serialVersionUID = 1L;

    /** What went wrong below HTTP. */
    public enum Kind {
        /** Could not connect: refused, unreachable, or the host did not resolve. Nothing was sent. */
        CONNECT,
        /** No connection within the connect timeout. Nothing was sent. */
        CONNECT_TIMEOUT,
        /** The TLS handshake did not complete within the TLS handshake timeout. Nothing was sent. */
        TLS_HANDSHAKE_TIMEOUT,
        /** The connection was reset or closed before the response was complete. */
        CONNECTION_CLOSED,
        /** The response was not valid HTTP (for example a duplicate or negative {@code Content-Length}). */
        MALFORMED_RESPONSE,
        /** Nothing of the response arrived for the response timeout (before the head, or between two chunks). */
        RESPONSE_TIMEOUT,
        /** One attempt, from its request written to its response complete, took longer than the attempt timeout. */
        ATTEMPT_TIMEOUT,
        /** The request, all its attempts and the waits between them, took longer than the overall timeout. */
        OVERALL_TIMEOUT,
        /** No pooled connection became free within the pool-acquire timeout. Nothing was sent. */
        POOL_ACQUIRE_TIMEOUT,
        /** The pool refused to queue the request beyond its pending-acquire limit. Nothing was sent. */
        POOL_PENDING_LIMIT,
        /** A streamed body (a download) failed after it had started. */
        STREAM,
        /** Anything else below HTTP. */
        OTHER
    }

    private final Kind kind;
    private final boolean requestMayHaveBeenSent;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public FirmafonIoException(String message, @Nullable Throwable cause) {
        this(message, cause, Kind.OTHER, true);
    }

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public FirmafonIoException(String message, @Nullable Throwable cause, Kind kind, boolean requestMayHaveBeenSent) {
        super(message, cause);
        this.kind = kind;
        this.requestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /**
     * Whether the request had started to be written, so the server may have received (and acted on) it. When
     * {@code false} nothing reached the server and the request may be repeated whatever it does.
     */
    @Override
    public boolean requestMayHaveBeenSent() {
        return requestMayHaveBeenSent;
    }
}
