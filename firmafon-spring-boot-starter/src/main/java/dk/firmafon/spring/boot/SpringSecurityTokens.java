package dk.firmafon.spring.boot;

import dk.firmafon.auth.ExternalTokens;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.error.ReauthorizationRequiredException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import reactor.core.publisher.Mono;

/**
 * The signed-in user's tokens, as Spring Security keeps them: the user comes from the subscriber's Reactor context
 * (where Spring Security's WebFlux filters put it), the token from the authorized-client manager (which refreshes it
 * when it has expired), and a 401 removes the user's authorized client, so the next request asks them to sign in
 * again.
 */
public final class SpringSecurityTokens implements ExternalTokens {
    private final ReactiveOAuth2AuthorizedClientManager manager;
    private final ReactiveOAuth2AuthorizedClientService clients;
    private final String registrationId;

    public SpringSecurityTokens(
            ReactiveOAuth2AuthorizedClientManager manager,
            ReactiveOAuth2AuthorizedClientService clients,
            String registrationId) {
        this.manager = manager;
        this.clients = clients;
        this.registrationId = registrationId;
    }

    @Override
    public Mono<OAuthToken> token() {
        return principal()
                .flatMap(principal -> manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
                        .principal(principal)
                        .build()))
                .onErrorMap(
                        ClientAuthorizationRequiredException.class,
                        e -> new ReauthorizationRequiredException(
                                "spring-security:" + registrationId,
                                "the signed-in user has not authorized this client",
                                e))
                .map(SpringSecurityTokens::token);
    }

    @Override
    public Mono<Boolean> rejected(String accessToken) {
        return principal()
                .flatMap(principal -> clients.<OAuth2AuthorizedClient>loadAuthorizedClient(
                                registrationId, principal.getName())
                        .filter(client ->
                                client.getAccessToken().getTokenValue().equals(accessToken))
                        .flatMap(client -> clients.removeAuthorizedClient(registrationId, principal.getName())))
                .thenReturn(false);
    }

    private static Mono<Authentication> principal() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated);
    }

    private static OAuthToken token(OAuth2AuthorizedClient client) {
        OAuth2AccessToken access = client.getAccessToken();
        Instant issued = access.getIssuedAt() != null ? access.getIssuedAt() : Instant.now();
        OAuthToken.Builder token = OAuthToken.builder()
                .accessToken(access.getTokenValue())
                .tokenType("bearer")
                .receivedAt(issued);
        if (access.getExpiresAt() != null && access.getExpiresAt().isAfter(issued)) {
            token.expiresIn(Duration.between(issued, access.getExpiresAt()));
        }
        return token.build();
    }

    @Override
    public String toString() {
        return "SpringSecurityTokens{registrationId=" + registrationId + "}";
    }
}
