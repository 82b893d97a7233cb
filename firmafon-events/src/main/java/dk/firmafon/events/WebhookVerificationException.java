package dk.firmafon.events;

import dk.firmafon.error.FirmafonSecurityException;

/**
 * A webhook delivery was refused, and why: {@link #status()} is the HTTP status to answer with (401 for a signature
 * that is missing, malformed, stale or does not match; 400 for a body that is not the JSON envelope). The message
 * names the fault and never holds the signing secret, a signature or the body. Nothing was emitted.
 */
public final class WebhookVerificationException extends FirmafonSecurityException {
    private static final long serialVersionUID = 1L;

    /** What was wrong with the delivery. */
    public enum Reason {
        /** No {@code Relatel-Signature} header, or one without a timestamp or a {@code v1} signature: 401. */
        SIGNATURE_MISSING(401),
        /** A signature header that cannot be read (a timestamp that is no number, a {@code v1} that is not hex): 401. */
        SIGNATURE_MALFORMED(401),
        /** The signed timestamp is outside the tolerance: a replay, or a clock that is off: 401. */
        TIMESTAMP_OUTSIDE_TOLERANCE(401),
        /** No {@code v1} signature matches the body under any of the signing secrets: 401. */
        SIGNATURE_MISMATCH(401),
        /** Correctly signed, but the body is not one JSON object (or has anything after it): 400. */
        MALFORMED_BODY(400);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        /** The HTTP status to answer a delivery refused for this reason with. */
        public int status() {
            return status;
        }
    }

    private final Reason reason;

    /** For the SDK's modules; applications receive these, they do not create them. */
    public WebhookVerificationException(Reason reason, String message) {
        super(message, null);
        this.reason = reason;
    }

    /** Why the delivery was refused. */
    public Reason reason() {
        return reason;
    }

    /** The HTTP status to answer with: 401 for a signature fault, 400 for a malformed body. */
    public int status() {
        return reason.status();
    }
}
