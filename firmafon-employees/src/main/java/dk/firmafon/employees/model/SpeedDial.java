package dk.firmafon.employees.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.FirmafonModel;
import org.immutables.value.Value;

/** The short number that rings an employee or a group from inside the company's switchboard. */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableSpeedDial.class)
public abstract class SpeedDial {
    SpeedDial() {}

    /** The number to dial: one or more digits (groups often have three, e.g. {@code 300}). */
    public abstract int digit();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SpeedDial}. */
    public static final class Builder extends ImmutableSpeedDial.Builder {
        Builder() {}
    }
}
