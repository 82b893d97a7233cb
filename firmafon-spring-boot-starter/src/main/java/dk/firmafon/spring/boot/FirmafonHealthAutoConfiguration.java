package dk.firmafon.spring.boot;

import dk.firmafon.core.FirmafonClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** The {@code firmafon} health indicator, when Spring Boot's health support is on the classpath. */
@AutoConfiguration(after = FirmafonAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.ReactiveHealthIndicator")
@ConditionalOnProperty(
        prefix = "management.health.firmafon",
        name = "enabled",
        havingValue = "true",
        matchIfMissing = true)
public class FirmafonHealthAutoConfiguration {
    FirmafonHealthAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean(name = "firmafonHealthIndicator")
    @ConditionalOnBean(FirmafonClient.class)
    FirmafonHealthIndicator firmafonHealthIndicator(FirmafonClient firmafonClient, FirmafonProperties properties) {
        FirmafonProperties.HealthCheck health = properties.getHealth();
        return new FirmafonHealthIndicator(
                firmafonClient,
                health.isCallApi(),
                health.getTimeout(),
                health.getCacheFor(),
                java.time.Clock.systemUTC());
    }
}
