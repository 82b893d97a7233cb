package dk.firmafon.auth.internal;

import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.foundation.internal.TransportSettings;
import java.util.function.Function;

/**
 * Lets {@code firmafon-core} hand an {@link OAuth2Client.Builder} the transport of a {@code FirmafonClient}: its
 * {@link TransportSettings} whole (network, timeouts, retry policy, plain-http rule) and a {@link TokenTransport}
 * over its own pipeline, without a Netty or core type in {@code OAuth2Client}'s public API. The builder registers
 * its setter here when its class initialises.
 */
public final class SharedConnections {
    /** Sets an OAuth builder's transport settings and token transport. */
    @FunctionalInterface
    public interface Setter {
        OAuth2Client.Builder share(
                OAuth2Client.Builder builder,
                TransportSettings transport,
                Function<TransportSettings, TokenTransport> provider);
    }

    private static volatile Setter setter;

    private SharedConnections() {}

    /** Called once, by {@link OAuth2Client.Builder}'s static initialiser. */
    public static void register(Setter access) {
        setter = access;
    }

    /**
     * Makes the client {@code builder} builds use {@code transport} and send its token requests through the
     * {@link TokenTransport} {@code provider} makes (given the builder's transport settings at build time).
     */
    public static OAuth2Client.Builder share(
            OAuth2Client.Builder builder,
            TransportSettings transport,
            Function<TransportSettings, TokenTransport> provider) {
        return setter.share(builder, transport, provider);
    }
}
