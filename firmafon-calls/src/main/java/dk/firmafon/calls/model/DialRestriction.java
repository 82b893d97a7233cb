package dk.firmafon.calls.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dk.firmafon.core.model.OpenValue;

/**
 * Where click-to-call ({@code POST /switch/dial}) may ring the employee first: {@code web_call} (the web phone) or {@code mobile}.
 *
 * <p>An open value class: a value the service adds later is kept and readable ({@link #isKnown()} is false), never
 * an error.
 */
public final class DialRestriction extends OpenValue {
    private static final Known<DialRestriction> KNOWN = new Known<>(DialRestriction::new);

    /** {@code web_call}. */
    public static final DialRestriction WEB_CALL = KNOWN.add("web_call");
    /** {@code mobile}. */
    public static final DialRestriction MOBILE = KNOWN.add("mobile");

    private DialRestriction(String value, boolean known) {
        super(value, known);
    }

    /**
     * The known constant for {@code value}, or a new value that keeps it.
     *
     * @throws IllegalArgumentException naming {@code restrictTo} when value is null or blank
     */
    @JsonCreator
    public static DialRestriction of(String value) {
        return KNOWN.of("restrictTo", value);
    }
}
