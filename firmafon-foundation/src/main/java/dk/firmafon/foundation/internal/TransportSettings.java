package dk.firmafon.foundation.internal;

import dk.firmafon.net.NetworkSettings;
import dk.firmafon.net.RetryPolicy;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * The settings every request of the SDK shares, API calls and token requests alike: how the network is reached,
 * how long each phase may take, how failures are repeated and whether plain http is allowed. One immutable value,
 * held by {@code FirmafonClient.Builder} and {@link dk.firmafon.auth.OAuth2Client.Builder} and handed from the one to
 * the other whole, so no setting is copied by hand.
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true, jdkOnly = true)
public abstract class TransportSettings implements WithTransportSettings {
    private static final TransportSettings DEFAULTS =
            ImmutableTransportSettings.builder().build();

    TransportSettings() {}

    /** 10 s connect, 30 s response, 60 s attempt, default network and retry policy, no plain http. */
    public static TransportSettings defaults() {
        return DEFAULTS;
    }

    @Value.Default
    public NetworkSettings network() {
        return NetworkSettings.defaults();
    }

    @Value.Default
    public Duration connectTimeout() {
        return Duration.ofSeconds(10);
    }

    @Value.Default
    public Duration responseTimeout() {
        return Duration.ofSeconds(30);
    }

    @Value.Default
    public Duration attemptTimeout() {
        return Duration.ofSeconds(60);
    }

    @Value.Default
    public RetryPolicy retryPolicy() {
        return RetryPolicy.defaults();
    }

    @Value.Default
    public boolean allowInsecureHttp() {
        return false;
    }
}
