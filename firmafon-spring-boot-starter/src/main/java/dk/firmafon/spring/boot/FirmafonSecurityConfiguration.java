package dk.firmafon.spring.boot;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.OAuth2Auth;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Spring Security sign-in with Firmafon or Relatel: the API is called as the signed-in user, with the token Spring
 * Security obtained at sign-in (and refreshes), and the user's details come from {@code GET /employee}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ReactiveOAuth2AuthorizedClientManager.class, ReactiveSecurityContextHolder.class})
@ConditionalOnProperty(prefix = "firmafon.security", name = "enabled", havingValue = "true", matchIfMissing = true)
class FirmafonSecurityConfiguration {
    FirmafonSecurityConfiguration() {}

    /** The signed-in user's tokens for the registration {@code firmafon.security.registration-id}. */
    @Bean
    @ConditionalOnMissingBean(AuthStrategy.class)
    @ConditionalOnBean({ReactiveClientRegistrationRepository.class, ReactiveOAuth2AuthorizedClientService.class})
    @Conditional(OnFirmafonRegistration.class)
    AuthStrategy firmafonAuthStrategy(
            FirmafonProperties properties,
            ReactiveClientRegistrationRepository registrations,
            ReactiveOAuth2AuthorizedClientService authorizedClients,
            ObjectProvider<ReactiveOAuth2AuthorizedClientManager> managers) {
        String registrationId = properties.getSecurity().getRegistrationId();
        ReactiveOAuth2AuthorizedClientManager manager = managers.getIfAvailable(() -> {
            AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager own =
                    new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
            own.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                    .authorizationCode()
                    .refreshToken()
                    .build());
            return own;
        });
        return OAuth2Auth.external(
                "spring-security:" + registrationId,
                new SpringSecurityTokens(manager, authorizedClients, registrationId));
    }

    /**
     * Reads the signed-in employee from {@code GET /employee}, whose answer is wrapped as {@code {"employee": {...}}}:
     * the attributes are the employee's (so {@code user-name-attribute: id} works). Other providers' answers pass
     * through unchanged.
     */
    @Bean
    @ConditionalOnMissingBean(ReactiveOAuth2UserService.class)
    @ConditionalOnClass(name = "org.springframework.web.reactive.function.client.WebClient")
    ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> firmafonOAuth2UserService() {
        DefaultReactiveOAuth2UserService service = new DefaultReactiveOAuth2UserService();
        service.setAttributesConverter(request -> FirmafonSecurityConfiguration::unwrapEmployee);
        return service;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> unwrapEmployee(Map<String, Object> attributes) {
        if (attributes.size() == 1 && attributes.get("employee") instanceof Map<?, ?> employee) {
            return (Map<String, Object>) employee;
        }
        return attributes;
    }

    /** A client registration with the configured id exists in the properties. */
    static final class OnFirmafonRegistration extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String id = context.getEnvironment().getProperty("firmafon.security.registration-id", "firmafon");
            String key = "spring.security.oauth2.client.registration." + id + ".client-id";
            return context.getEnvironment().containsProperty(key)
                    ? ConditionOutcome.match("client registration '" + id + "' found")
                    : ConditionOutcome.noMatch("no client registration '" + id + "' (" + key + ")");
        }
    }
}
