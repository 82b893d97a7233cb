package dk.firmafon.events;

import dk.firmafon.error.FirmafonSecurityException;

/**
 * A webhook delivery was refused: its {@code Relatel-Signature} is missing or malformed, its timestamp is outside
 * the tolerance, no {@code v1} signature matches, or its body is not the JSON envelope. The message names the fault
 * and never holds the signing secret, a signature or the body. Answer the delivery with 400 or 401; nothing was
 * emitted.
 */
public final class WebhookVerificationException extends FirmafonSecurityException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules; applications receive these, they do not create them. */
    public WebhookVerificationException(String message) {
        super(message, null);
    }
}
