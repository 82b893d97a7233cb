package dk.firmafon.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import dk.firmafon.core.model.OpenValue;

/**
 * A call event's {@code name}: {@code call.new}, {@code call.ringing}, {@code call.answer}, {@code call.hangup}.
 *
 * <p>An open value class: a name the service adds later (say {@code call.transferred}) arrives as an event like any
 * other, with {@link #isKnown()} false, never dropped and never an error.
 */
public final class CallEventName extends OpenValue {
    private static final Known<CallEventName> KNOWN = new Known<>(CallEventName::new);

    /** {@code call.new}: a call started. */
    public static final CallEventName NEW = KNOWN.add("call.new");
    /** {@code call.ringing}: a phone rings. */
    public static final CallEventName RINGING = KNOWN.add("call.ringing");
    /** {@code call.answer}: someone answered. */
    public static final CallEventName ANSWER = KNOWN.add("call.answer");
    /** {@code call.hangup}: the call ended. */
    public static final CallEventName HANGUP = KNOWN.add("call.hangup");

    private CallEventName(String value, boolean known) {
        super(value, known);
    }

    /**
     * The known constant for {@code value}, or a new name that keeps it.
     *
     * @throws IllegalArgumentException naming {@code name} when value is null or blank
     */
    @JsonCreator
    public static CallEventName of(String value) {
        return KNOWN.of("name", value);
    }
}
