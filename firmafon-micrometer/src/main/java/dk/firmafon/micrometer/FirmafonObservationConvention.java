package dk.firmafon.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a Firmafon API call. Implement it (or extend
 * {@link DefaultFirmafonObservationConvention}) to rename the metric or add tags; keep tags low-cardinality.
 */
public interface FirmafonObservationConvention extends ObservationConvention<FirmafonCallContext> {
    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof FirmafonCallContext;
    }
}
