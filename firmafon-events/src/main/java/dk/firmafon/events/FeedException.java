package dk.firmafon.events;

import dk.firmafon.error.FirmafonException;

/**
 * The live-events feed ended for good: the access token was refused even after one renewal, the server advised not
 * to reconnect, or a subscription was refused (that subscriber only). The message names the channel and the
 * server's error, never the token.
 */
public final class FeedException extends FirmafonException {
    private static final long serialVersionUID = 1L;

    /** Why the feed ended. */
    public enum Reason {
        /** The feed refused the access token, also after a renewal (or the strategy cannot renew it). */
        TOKEN_REFUSED,
        /** The server advised {@code reconnect: none}. */
        RECONNECT_NONE,
        /** The server refused a subscription (only its subscriber fails). */
        SUBSCRIPTION_REFUSED,
        /** The configured authentication has no access token to send in {@code ext} (Basic). */
        NO_ACCESS_TOKEN,
        /**
         * The feed could not be reached for {@code EventsSettings.pollingFallbackAfter} attempts running (only with
         * that setting; without it the session keeps trying).
         */
        UNREACHABLE
    }

    private final Reason reason;

    /** For the SDK's modules; applications receive these, they do not create them. */
    public FeedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the feed ended. */
    public Reason reason() {
        return reason;
    }
}
