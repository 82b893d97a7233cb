package dk.firmafon.calls.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dk.firmafon.core.model.OpenValue;

/**
 * A call node's {@code node_type}: what the leg is (absent on some nodes).
 *
 * <p>An open value class: a value the service adds later is kept and readable ({@link #isKnown()} is false), never
 * an error.
 */
public final class NodeType extends OpenValue {
    private static final Known<NodeType> KNOWN = new Known<>(NodeType::new);

    /** {@code employee}. */
    public static final NodeType EMPLOYEE = KNOWN.add("employee");
    /** {@code phase}. */
    public static final NodeType PHASE = KNOWN.add("phase");
    /** {@code attended_transfer}. */
    public static final NodeType ATTENDED_TRANSFER = KNOWN.add("attended_transfer");
    /** {@code undefined}. */
    public static final NodeType UNDEFINED = KNOWN.add("undefined");

    private NodeType(String value, boolean known) {
        super(value, known);
    }

    /**
     * The known constant for {@code value}, or a new value that keeps it.
     *
     * @throws IllegalArgumentException naming {@code nodeType} when value is null or blank
     */
    @JsonCreator
    public static NodeType of(String value) {
        return KNOWN.of("nodeType", value);
    }
}
