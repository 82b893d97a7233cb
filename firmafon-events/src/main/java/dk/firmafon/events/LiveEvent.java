package dk.firmafon.events;

/**
 * One item of a live-events stream: a {@link CallEvent}, a {@link PresenceEvent}, an {@link OtherEvent} (a message of
 * a shape the SDK does not know, kept whole) or a {@link Gap} (events may have been missed here). Never ordered by the
 * events' own timestamps: they arrive in the order the feed delivered them.
 */
public sealed interface LiveEvent permits CallEvent, PresenceEvent, OtherEvent, Gap {
    /** Where the event came from. */
    enum Source {
        /** The Faye (Bayeux) feed. */
        FEED,
        /** Polling REST and diffing. */
        POLLING,
        /** A verified webhook delivery. */
        WEBHOOK
    }
}
