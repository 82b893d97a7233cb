package dk.firmafon.calls.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dk.firmafon.core.model.OpenValue;

/**
 * A call's {@code status}: where the call is in its life, or how it ended.
 *
 * <p>An open value class: a value the service adds later is kept and readable ({@link #isKnown()} is false), never
 * an error.
 */
public final class CallStatus extends OpenValue {
    private static final Known<CallStatus> KNOWN = new Known<>(CallStatus::new);

    /** {@code new}. */
    public static final CallStatus NEW = KNOWN.add("new");
    /** {@code ringing}. */
    public static final CallStatus RINGING = KNOWN.add("ringing");
    /** {@code answered}. */
    public static final CallStatus ANSWERED = KNOWN.add("answered");
    /** {@code missed}. */
    public static final CallStatus MISSED = KNOWN.add("missed");
    /** {@code voicemail}. */
    public static final CallStatus VOICEMAIL = KNOWN.add("voicemail");
    /** {@code orphaned}. */
    public static final CallStatus ORPHANED = KNOWN.add("orphaned");

    private CallStatus(String value, boolean known) {
        super(value, known);
    }

    /**
     * The known constant for {@code value}, or a new value that keeps it.
     *
     * @throws IllegalArgumentException naming {@code status} when value is null or blank
     */
    @JsonCreator
    public static CallStatus of(String value) {
        return KNOWN.of("status", value);
    }
}
