package dk.firmafon.employees;

import dk.firmafon.core.model.FirmafonModel;
import dk.firmafon.employees.model.ReceptionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which figures {@link ReceptionsClient#statistics(long, ReceptionStatisticsQuery)} asks for: the answer target, the
 * period and the phases. Every setting is optional; checked when used (a target that is not a positive whole number of
 * seconds, or a period that ends before it starts, is refused naming it, before anything is sent).
 *
 * <pre>{@code
 * ReceptionStatisticsQuery.builder()
 *         .answerTarget(Duration.ofSeconds(20))
 *         .fromTime(Instant.parse("2026-11-01T00:00:00Z")).toTime(Instant.parse("2026-12-01T00:00:00Z"))
 *         .addPhases(ReceptionPhase.OPEN)
 *         .build()
 * }</pre>
 */
@Value.Immutable
@FirmafonModel
public abstract class ReceptionStatisticsQuery {
    ReceptionStatisticsQuery() {}

    /** The answer target ({@code answer_target}, whole seconds). */
    public abstract Optional<Duration> answerTarget();

    /** The start of the period ({@code from_time}). */
    public abstract Optional<Instant> fromTime();

    /** The end of the period ({@code to_time}). */
    public abstract Optional<Instant> toTime();

    /** Only these phases ({@code phase}, comma-separated); all when empty. */
    public abstract List<ReceptionPhase> phases();

    /** No filter: the service's defaults. */
    public static ReceptionStatisticsQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReceptionStatisticsQuery}. */
    public static final class Builder extends ImmutableReceptionStatisticsQuery.Builder {
        Builder() {}
    }
}
