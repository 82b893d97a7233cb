package dk.firmafon.employees.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.FirmafonModel;
import java.util.Optional;
import org.immutables.value.Value;

/** Calls answered and missed within a reception's answer target ({@code within_target}). */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableTargetCounts.class)
public abstract class TargetCounts {
    TargetCounts() {}

    /** Calls answered within the target. */
    public abstract Optional<Long> answered();

    /** Calls missed within the target (the caller hung up before it passed). */
    public abstract Optional<Long> missed();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TargetCounts}. */
    public static final class Builder extends ImmutableTargetCounts.Builder {
        Builder() {}
    }
}
