package dk.firmafon.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** {@link FirmafonProblemDetails}, when {@code firmafon.web.problem-details.enabled=true} and Spring Web is present. */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.http.ProblemDetail")
@ConditionalOnProperty(prefix = "firmafon.web.problem-details", name = "enabled", havingValue = "true")
public class FirmafonProblemDetailsAutoConfiguration {
    FirmafonProblemDetailsAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    FirmafonProblemDetails firmafonProblemDetails() {
        return new FirmafonProblemDetails();
    }
}
