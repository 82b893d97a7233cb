package dk.firmafon.auth.internal;

import dk.firmafon.auth.ClientAuthentication;
import dk.firmafon.auth.TokenListener;
import dk.firmafon.auth.TokenStore;
import dk.firmafon.foundation.internal.TransportSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * Everything an {@link dk.firmafon.auth.OAuth2Client.Builder} has been told, as one immutable value: the builder
 * replaces it on every setter, {@code mutate()} and {@code build()} hand it on whole. Checked by {@code build()}.
 */
@Value.Immutable
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        redactedMask = "[REDACTED]")
public abstract class OAuthSettings implements WithOAuthSettings {
    /** The API base the endpoints default to. */
    public static final URI FIRMAFON = dk.firmafon.auth.OAuth2Client.FIRMAFON;

    OAuthSettings() {}

    /** Nothing set but the defaults. */
    public static OAuthSettings defaults() {
        return ImmutableOAuthSettings.builder().build();
    }

    public abstract Optional<String> clientId();

    @Value.Redacted
    public abstract Optional<String> clientSecret();

    public abstract Optional<URI> redirectUri();

    @Value.Default
    public URI baseUri() {
        return FIRMAFON;
    }

    public abstract Optional<URI> authorizeUri();

    public abstract Optional<URI> tokenUri();

    @Value.Default
    public boolean pkce() {
        return true;
    }

    @Value.Default
    public ClientAuthentication clientAuthentication() {
        return ClientAuthentication.CLIENT_SECRET_POST;
    }

    @Value.Default
    public boolean verifyState() {
        return true;
    }

    public abstract Optional<TokenStore> tokenStore();

    public abstract Optional<TokenListener> tokenListener();

    @Value.Default
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Value.Default
    public Duration refreshAhead() {
        return Duration.ofSeconds(60);
    }

    @Value.Default
    public TransportSettings transport() {
        return TransportSettings.defaults();
    }

    /**
     * A {@code FirmafonClient}'s token transport (its own pipeline and pool), given the transport settings; absent:
     * a {@link NettyTokenTransport} of the client's own.
     */
    public abstract Optional<Function<TransportSettings, TokenTransport>> transportProvider();
}
