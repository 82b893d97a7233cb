package dk.firmafon.employees.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dk.firmafon.core.model.OpenValue;
import java.util.Collection;

/**
 * What an employee or a group is doing right now, as the switchboard shows it. An open value: a presence this
 * SDK version does not know is kept ({@code isKnown() == false}) rather than rejected.
 *
 * <p>Note that {@link #UNKNOWN} is a value the service itself sends (it does not know the presence), and is
 * therefore {@linkplain #isKnown() known} to the SDK.
 */
public final class LivePresence extends OpenValue {
    private static final Known<LivePresence> KNOWN = new Known<>(LivePresence::new);

    /** {@code available}: free to take a call. */
    public static final LivePresence AVAILABLE = KNOWN.add("available");
    /** {@code ringing}: a call is ringing. */
    public static final LivePresence RINGING = KNOWN.add("ringing");
    /** {@code busy}: in a call. */
    public static final LivePresence BUSY = KNOWN.add("busy");
    /** {@code do_not_disturb}: calls are not put through. */
    public static final LivePresence DO_NOT_DISTURB = KNOWN.add("do_not_disturb");
    /** {@code unknown}: the service does not know the presence. */
    public static final LivePresence UNKNOWN = KNOWN.add("unknown");

    private LivePresence(String value, boolean known) {
        super(value, known);
    }

    /**
     * The presence for {@code value}: a constant of this class when known, otherwise a new value that keeps it.
     *
     * @throws IllegalArgumentException naming {@code livePresence} when value is null or blank
     */
    @JsonCreator
    public static LivePresence of(String value) {
        return KNOWN.of("livePresence", value);
    }

    /** Every presence this SDK version knows, in declaration order. */
    public static Collection<LivePresence> knownValues() {
        return KNOWN.values();
    }
}
