package dk.firmafon.calls.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dk.firmafon.core.model.OpenValue;

/**
 * A call's {@code direction}: {@code incoming} or {@code outgoing}.
 *
 * <p>An open value class: a value the service adds later is kept and readable ({@link #isKnown()} is false), never
 * an error.
 */
public final class CallDirection extends OpenValue {
    private static final Known<CallDirection> KNOWN = new Known<>(CallDirection::new);

    /** {@code incoming}. */
    public static final CallDirection INCOMING = KNOWN.add("incoming");
    /** {@code outgoing}. */
    public static final CallDirection OUTGOING = KNOWN.add("outgoing");

    private CallDirection(String value, boolean known) {
        super(value, known);
    }

    /**
     * The known constant for {@code value}, or a new value that keeps it.
     *
     * @throws IllegalArgumentException naming {@code direction} when value is null or blank
     */
    @JsonCreator
    public static CallDirection of(String value) {
        return KNOWN.of("direction", value);
    }
}
