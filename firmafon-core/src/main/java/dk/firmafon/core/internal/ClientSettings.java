package dk.firmafon.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.ExchangeListener;
import dk.firmafon.core.RequestObserver;
import dk.firmafon.core.netty.NettyHttpClient;
import dk.firmafon.foundation.internal.TransportSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything a {@code FirmafonClient.Builder} has been told, as one immutable value: each setter replaces it,
 * {@code mutate()} hands it on whole, and the transport part ({@link TransportSettings}) goes to the OAuth client
 * the same way. The one way settings are copied.
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true, jdkOnly = true)
public abstract class ClientSettings implements WithClientSettings {
    /** {@code https://app.firmafon.dk/api/v2}. */
    public static final URI FIRMAFON = dk.firmafon.auth.OAuth2Client.FIRMAFON;

    ClientSettings() {}

    /** The defaults; {@link #auth()} unset. */
    public static ClientSettings defaults() {
        return ImmutableClientSettings.builder().build();
    }

    @Value.Default
    public URI baseUri() {
        return FIRMAFON;
    }

    public abstract Optional<AuthStrategy> auth();

    /** Network, timeouts, retry policy and plain-http rule: shared with the token endpoint. */
    @Value.Default
    public TransportSettings transport() {
        return TransportSettings.defaults();
    }

    /** The connection pool this client creates (unless it shares one or is given a Netty client). */
    @Value.Default
    public PoolSettings pool() {
        return PoolSettings.defaults();
    }

    public abstract Optional<Duration> overallTimeout();

    @Value.Default
    public long maxResponseSize() {
        return 16L * 1024 * 1024;
    }

    public abstract Optional<ObjectMapper> objectMapper();

    @Value.Default
    public ExchangeListener listener() {
        return ExchangeListener.NONE;
    }

    public abstract Optional<NettyHttpClient> httpClient();

    @Value.Default
    public RequestObserver observer() {
        return RequestObserver.NONE;
    }

    /** A pool's settings: what decides whether a mutated client may keep sharing its origin's pool. */
    @Value.Immutable
    public abstract static class PoolSettings implements WithPoolSettings {
        PoolSettings() {}

        /** 100 connections, 45 s acquire, 30 s idle, 5 min life. */
        public static PoolSettings defaults() {
            return ImmutablePoolSettings.builder().build();
        }

        @Value.Default
        public int maxConnections() {
            return 100;
        }

        @Value.Default
        public Duration acquireTimeout() {
            return Duration.ofSeconds(45);
        }

        @Value.Default
        public Duration maxIdleTime() {
            return Duration.ofSeconds(30);
        }

        @Value.Default
        public Duration maxLifeTime() {
            return Duration.ofMinutes(5);
        }
    }
}
