package dk.firmafon.employees.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.FirmafonModel;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A reception's call figures over a period ({@code GET /receptions/:id/statistics}): how many calls came in, how many
 * were answered or missed, the average time to answer and the average duration, and how many were answered or
 * missed within the answer target. Needs Switch Premium. Every figure is optional: a field the service leaves out
 * is absent, never zero.
 */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableReceptionStatistics.class)
public abstract class ReceptionStatistics {
    ReceptionStatistics() {}

    /** Calls in the period. */
    public abstract Optional<Long> total();

    /** Calls answered. */
    public abstract Optional<Long> answered();

    /** Calls missed. */
    public abstract Optional<Long> missed();

    /** The average time to answer, in seconds. */
    @JsonProperty("average_answer_time")
    public abstract Optional<Double> averageAnswerTime();

    /** The average duration of a call, in seconds. */
    @JsonProperty("average_duration")
    public abstract Optional<Double> averageDuration();

    /** The calls answered and missed within the answer target. */
    @JsonProperty("within_target")
    public abstract Optional<TargetCounts> withinTarget();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReceptionStatistics}. */
    public static final class Builder extends ImmutableReceptionStatistics.Builder {
        Builder() {}
    }
}
