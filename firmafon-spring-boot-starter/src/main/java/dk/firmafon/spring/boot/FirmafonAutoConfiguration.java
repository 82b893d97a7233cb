package dk.firmafon.spring.boot;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.events.EventsClient;
import dk.firmafon.events.EventsSettings;
import dk.firmafon.events.WebhookReceiver;
import dk.firmafon.net.HttpProxy;
import dk.firmafon.net.NetworkSettings;
import dk.firmafon.net.RetryPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Firmafon beans from {@code firmafon.*} properties: an {@link AuthStrategy} (a personal access token, the
 * signed-in user's token from Spring Security, or one of the application's own), the {@link FirmafonClient} (one
 * pool, closed gracefully at shutdown), {@link Firmafon} and the {@link EventsClient}. Each backs off when the
 * application defines its own bean of that type. Without any credential there is no client: set
 * {@code firmafon.token}, register a Spring Security client {@code firmafon} (or {@code relatel}), or define an
 * {@link AuthStrategy} bean.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
        })
@ConditionalOnClass(FirmafonClient.class)
@ConditionalOnProperty(prefix = "firmafon", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(FirmafonProperties.class)
@Import({
    FirmafonAutoConfiguration.TokenAuthConfiguration.class,
    FirmafonSecurityConfiguration.class,
    FirmafonObservationConfiguration.class
})
public class FirmafonAutoConfiguration {
    FirmafonAutoConfiguration() {}

    /** A personal access token from {@code firmafon.token}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "firmafon", name = "token")
    static class TokenAuthConfiguration {
        @Bean
        @ConditionalOnMissingBean(AuthStrategy.class)
        AuthStrategy firmafonAuthStrategy(FirmafonProperties properties) {
            String token = properties.getToken();
            return switch (properties.getTokenPlacement()) {
                case BEARER -> AuthStrategy.bearer(token);
                case BASIC -> AuthStrategy.basic(token);
                case QUERY_PARAMETER -> AuthStrategy.queryParameter(token);
            };
        }
    }

    /**
     * The connection pool and pipeline every Firmafon call shares. Drained and closed by
     * {@link FirmafonClientLifecycle} before any bean is destroyed; {@code close()} when the bean is destroyed only
     * covers a context that never started (closing twice is harmless).
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(AuthStrategy.class)
    FirmafonClient firmafonClient(
            FirmafonProperties properties, AuthStrategy auth, ObjectProvider<FirmafonClientCustomizer> customizers) {
        FirmafonClient.Builder builder = builder(properties).auth(auth);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** The builder {@code properties} describe, without credentials. */
    static FirmafonClient.Builder builder(FirmafonProperties properties) {
        FirmafonClient.Builder builder = FirmafonClient.builder().baseUri(properties.apiBaseUri());
        set(properties.getConnectTimeout(), builder::connectTimeout);
        set(properties.getResponseTimeout(), builder::responseTimeout);
        set(properties.getAttemptTimeout(), builder::attemptTimeout);
        set(properties.getOverallTimeout(), builder::overallTimeout);
        set(properties.getPool().getMaxConnections(), builder::maxConnections);
        set(properties.getPool().getAcquireTimeout(), builder::poolAcquireTimeout);
        builder.allowInsecureHttp(properties.isAllowInsecureHttp());
        FirmafonProperties.Retry retry = properties.getRetry();
        if (retry.getMaxAttempts() != null || retry.getInitialBackoff() != null || retry.getMaxBackoff() != null) {
            RetryPolicy.Builder policy = RetryPolicy.builder();
            set(retry.getMaxAttempts(), policy::maxAttempts);
            set(retry.getInitialBackoff(), policy::initialBackoff);
            set(retry.getMaxBackoff(), policy::maxBackoff);
            builder.retryPolicy(policy.build());
        }
        builder.network(network(properties.getNetwork()));
        return builder;
    }

    static NetworkSettings network(FirmafonProperties.Network network) {
        NetworkSettings.Builder settings =
                NetworkSettings.builder().systemProxy(network.isSystemProxy()).compression(network.isCompression());
        FirmafonProperties.Proxy proxy = network.getProxy();
        if (proxy.getHost() != null && !proxy.getHost().isBlank()) {
            HttpProxy explicit = HttpProxy.of(proxy.getHost(), proxy.getPort());
            if (proxy.getUsername() != null) {
                explicit = explicit.withCredentials(
                        proxy.getUsername(), proxy.getPassword() == null ? "" : proxy.getPassword());
            }
            if (!proxy.getNonProxyHosts().isEmpty()) {
                explicit = explicit.withNonProxyHosts(proxy.getNonProxyHosts());
            }
            settings.proxy(explicit);
        }
        set(network.getUserAgent(), settings::userAgent);
        set(network.getTrustedCertificates(), settings::trustedCertificates);
        if (!network.getTlsProtocols().isEmpty()) {
            settings.tlsProtocols(network.getTlsProtocols());
        }
        return settings.build();
    }

    private static <T> void set(T value, java.util.function.Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    /**
     * Drains running requests (up to {@code firmafon.shutdown-grace}), then closes the client, in a lifecycle phase
     * after the web server's graceful shutdown and before the web server and Reactor Netty's resources stop.
     */
    @Bean
    @ConditionalOnBean(FirmafonClient.class)
    FirmafonClientLifecycle firmafonClientLifecycle(FirmafonClient firmafonClient, FirmafonProperties properties) {
        return new FirmafonClientLifecycle(firmafonClient, properties.getShutdownGrace());
    }

    /** Every resource client over the one {@link FirmafonClient}; closing is left to the client's shutdown. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    @ConditionalOnBean(FirmafonClient.class)
    Firmafon firmafon(FirmafonClient firmafonClient) {
        return Firmafon.create(firmafonClient);
    }

    /** Verifies webhook deliveries signed with {@code firmafon.webhooks.signing-secret}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "firmafon.webhooks", name = "signing-secret")
    WebhookReceiver firmafonWebhookReceiver(FirmafonProperties properties) {
        WebhookReceiver.Builder receiver =
                WebhookReceiver.builder().signingSecret(properties.getWebhooks().getSigningSecret());
        set(properties.getWebhooks().getTolerance(), receiver::tolerance);
        return receiver.build();
    }

    /** The live-event feed, from {@code firmafon.events.*}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(FirmafonClient.class)
    EventsClient firmafonEventsClient(FirmafonClient firmafonClient, FirmafonProperties properties) {
        FirmafonProperties.Events events = properties.getEvents();
        EventsSettings settings = EventsSettings.defaults().withWebSocket(events.isWebSocket());
        if (events.getFeedUri() != null) {
            settings = settings.withFeedUri(events.getFeedUri());
        }
        if (events.getBuffer() != null) {
            settings = settings.withBuffer(events.getBuffer());
        }
        if (events.getPollingFallbackAfter() != null) {
            settings = settings.withPollingFallbackAfter(events.getPollingFallbackAfter());
        }
        if (properties.isAllowInsecureHttp()) {
            settings = settings.withAllowInsecureHttp(true);
        }
        return EventsClient.create(firmafonClient, settings);
    }
}
