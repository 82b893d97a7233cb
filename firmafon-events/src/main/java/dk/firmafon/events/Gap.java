package dk.firmafon.events;

import java.time.Instant;

/**
 * Events may have been missed here: the feed delivers at most once and replays nothing, so whenever the session was
 * re-established, the connection was lost, or a slow subscriber's buffer overflowed, the stream says so. With
 * {@code resyncAfterGap} the stream follows a gap with a snapshot from REST ({@link CallEvent}s named
 * {@code snapshot.live} ({@link #SNAPSHOT_LIVE}) for the live call legs and {@code snapshot.recent}
 * ({@link #SNAPSHOT_RECENT}) for the newest calls).
 *
 * @param reason why
 * @param at when the SDK noticed
 * @param detail a short description (never a secret)
 */
public record Gap(Reason reason, Instant at, String detail) implements LiveEvent {
    /** The name of a snapshot event for a live call leg ({@code GET /call_nodes/live}). */
    public static final CallEventName SNAPSHOT_LIVE = CallEventName.of("snapshot.live");
    /** The name of a snapshot event for one of the newest calls ({@code GET /calls}). */
    public static final CallEventName SNAPSHOT_RECENT = CallEventName.of("snapshot.recent");

    /** Why events may have been missed. */
    public enum Reason {
        /** The server forgot the session (or it was new): a new handshake. */
        HANDSHAKE,
        /** The connection failed and was made again. */
        RECONNECT,
        /** The subscriber was slower than the feed: events beyond its buffer were dropped. */
        OVERFLOW,
        /** Polling: the newest page did not reach back to the previous poll. */
        POLL_WINDOW
    }
}
