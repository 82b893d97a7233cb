package dk.firmafon.calls.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dk.firmafon.core.model.OpenValue;

/**
 * How {@link dk.firmafon.calls.CallsClient#transfer} hands a call on: {@code attended} (the transferring employee talks to the target first) or {@code direct}.
 *
 * <p>An open value class: a value the service adds later is kept and readable ({@link #isKnown()} is false), never
 * an error.
 */
public final class TransferType extends OpenValue {
    private static final Known<TransferType> KNOWN = new Known<>(TransferType::new);

    /** {@code attended}. */
    public static final TransferType ATTENDED = KNOWN.add("attended");
    /** {@code direct}. */
    public static final TransferType DIRECT = KNOWN.add("direct");

    private TransferType(String value, boolean known) {
        super(value, known);
    }

    /**
     * The known constant for {@code value}, or a new value that keeps it.
     *
     * @throws IllegalArgumentException naming {@code type} when value is null or blank
     */
    @JsonCreator
    public static TransferType of(String value) {
        return KNOWN.of("type", value);
    }
}
