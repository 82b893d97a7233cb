package dk.firmafon.employees.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dk.firmafon.core.model.OpenValue;
import java.util.Collection;

/** A phase of a reception's opening hours, as statistics filter on it ({@code phase}). An open value. */
public final class ReceptionPhase extends OpenValue {
    private static final Known<ReceptionPhase> KNOWN = new Known<>(ReceptionPhase::new);

    /** {@code open}: within opening hours. */
    public static final ReceptionPhase OPEN = KNOWN.add("open");
    /** {@code closed}: outside opening hours. */
    public static final ReceptionPhase CLOSED = KNOWN.add("closed");
    /** {@code backup}: the backup phase. */
    public static final ReceptionPhase BACKUP = KNOWN.add("backup");

    private ReceptionPhase(String value, boolean known) {
        super(value, known);
    }

    /**
     * The phase for {@code value}.
     *
     * @throws IllegalArgumentException naming {@code phase} when value is null or blank
     */
    @JsonCreator
    public static ReceptionPhase of(String value) {
        return KNOWN.of("phase", value);
    }

    /** Every phase this SDK version knows. */
    public static Collection<ReceptionPhase> knownValues() {
        return KNOWN.values();
    }
}
