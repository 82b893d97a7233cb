package dk.firmafon.examples.webflux;

import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.auth.TokenStore;
import dk.firmafon.core.FirmafonClient;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SDK objects the application shares: one OAuth client and one connection pool for every user. */
@Configuration(proxyBeanMethods = false)
class FirmafonConfiguration {
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    /**
     * Users' tokens, keyed by a random key kept in each user's web session. In memory here; an application that must
     * survive restarts implements {@link TokenStore} over its database.
     */
    /** Verifies Relatel webhook deliveries for {@link WebhooksController}. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("firmafon.webhook-signing-secret")
    dk.firmafon.events.WebhookReceiver webhookReceiver(
            @org.springframework.beans.factory.annotation.Value("${firmafon.webhook-signing-secret}") String secret) {
        return dk.firmafon.events.WebhookReceiver.builder()
                .signingSecret(secret)
                .build();
    }

    @Bean
    TokenStore tokenStore() {
        return TokenStore.inMemory();
    }

    @Bean(destroyMethod = "close")
    OAuth2Client oauth2Client(FirmafonProperties properties, TokenStore tokenStore) {
        OAuth2Client.Builder builder = OAuth2Client.builder()
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .redirectUri(properties.redirectUri())
                .tokenStore(tokenStore);
        if (properties.baseUri() != null) {
            builder.baseUri(properties.baseUri());
        }
        if (properties.authorizeUri() != null) {
            builder.authorizeUri(properties.authorizeUri());
        }
        if (properties.tokenUri() != null) {
            builder.tokenUri(properties.tokenUri());
        }
        return builder.build();
    }

    /**
     * The connection pool every user's requests share. It is never used as it is: {@link SignedInUsers} derives a
     * client per signed-in user with {@code mutate().auth(oauth.forUser(key))}, which shares this pool. Its own
     * strategy belongs to no user (a request through it fails with ReauthorizationRequiredException). It is closed
     * by {@link #firmafonShutdown(FirmafonClient)}, not by Spring's inferred {@code close()}.
     */
    @Bean(destroyMethod = "")
    FirmafonClient firmafonClient(FirmafonProperties properties, OAuth2Client oauth) {
        FirmafonClient.Builder builder = FirmafonClient.builder().auth(oauth.forUser("nobody"));
        if (properties.baseUri() != null) {
            builder.baseUri(properties.baseUri());
        }
        return builder.build();
    }

    /**
     * On shutdown, after the web server stopped taking requests: the users' requests still running get up to 10 s
     * to finish (the per-user clients share this pool, so its drain waits for theirs), nothing new starts, then the
     * pool is closed. {@code close()} would cancel them at once.
     */
    @Bean
    DisposableBean firmafonShutdown(FirmafonClient firmafonClient) {
        return () -> firmafonClient.closeGracefully(SHUTDOWN_GRACE).block(SHUTDOWN_GRACE.plusSeconds(1));
    }
}
