package dk.firmafon.core.internal;

import dk.firmafon.error.FirmafonIoException;

/**
 * A {@link FirmafonIoException} that remembers what the retry rules need: what kind of failure it was and whether
 * the request may have reached the server.
 */
public final class TransportFailure extends FirmafonIoException {
    private static final long serialVersionUID = 1L;

    /** What went wrong below HTTP. */
    public enum Kind {
        /** Could not connect (refused, unresolvable host, connect timeout). */
        CONNECT,
        /** The connection was reset or closed, or the response was malformed. */
        CONNECTION,
        /** No response within the response timeout. */
        RESPONSE_TIMEOUT,
        /** No pooled connection became free within the pool-acquire timeout. */
        POOL_ACQUIRE_TIMEOUT,
        /**
         * The pool refused to queue the request: as many as its pending-acquire limit were already waiting (a limit
         * set through {@link dk.firmafon.core.netty.NettyHttpClient}; the SDK's own pool queues without limit).
         */
        POOL_PENDING_LIMIT
    }

    private final Kind kind;
    private final boolean requestSent;

    TransportFailure(String message, Throwable cause, Kind kind, boolean requestSent) {
        super(message, cause);
        this.kind = kind;
        this.requestSent = requestSent;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the request had started to be written: a non-idempotent request must then not be repeated. */
    public boolean requestSent() {
        return requestSent;
    }
}
