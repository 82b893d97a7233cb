package dk.firmafon.spring.boot;

import dk.firmafon.micrometer.FirmafonObservationConvention;
import dk.firmafon.micrometer.FirmafonObservations;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every API call observed in the application's {@link ObservationRegistry} (metrics through Actuator, spans when
 * tracing is on), when {@code firmafon-micrometer} is on the classpath. A {@link FirmafonObservationConvention}
 * bean renames or re-tags them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(
        name = {"dk.firmafon.micrometer.FirmafonObservations", "io.micrometer.observation.ObservationRegistry"})
@ConditionalOnProperty(prefix = "firmafon.observations", name = "enabled", havingValue = "true", matchIfMissing = true)
class FirmafonObservationConfiguration {
    FirmafonObservationConfiguration() {}

    @Bean
    @ConditionalOnBean(ObservationRegistry.class)
    FirmafonClientCustomizer firmafonObservationCustomizer(
            ObservationRegistry registry, ObjectProvider<FirmafonObservationConvention> convention) {
        FirmafonObservations observations = FirmafonObservations.of(registry);
        FirmafonObservationConvention custom = convention.getIfUnique();
        FirmafonObservations chosen = custom == null ? observations : observations.withConvention(custom);
        return builder -> builder.requestObserver(chosen);
    }
}
