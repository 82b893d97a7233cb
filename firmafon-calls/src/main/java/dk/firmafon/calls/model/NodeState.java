package dk.firmafon.calls.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dk.firmafon.core.model.OpenValue;

/**
 * A call node's {@code state}.
 *
 * <p>An open value class: a value the service adds later is kept and readable ({@link #isKnown()} is false), never
 * an error.
 */
public final class NodeState extends OpenValue {
    private static final Known<NodeState> KNOWN = new Known<>(NodeState::new);

    /** {@code new}. */
    public static final NodeState NEW = KNOWN.add("new");
    /** {@code open}. */
    public static final NodeState OPEN = KNOWN.add("open");
    /** {@code ringing}. */
    public static final NodeState RINGING = KNOWN.add("ringing");
    /** {@code answered}. */
    public static final NodeState ANSWERED = KNOWN.add("answered");
    /** {@code hungup}. */
    public static final NodeState HUNGUP = KNOWN.add("hungup");

    private NodeState(String value, boolean known) {
        super(value, known);
    }

    /**
     * The known constant for {@code value}, or a new value that keeps it.
     *
     * @throws IllegalArgumentException naming {@code state} when value is null or blank
     */
    @JsonCreator
    public static NodeState of(String value) {
        return KNOWN.of("state", value);
    }
}
