package dk.firmafon.auth.internal;

import dk.firmafon.auth.OAuth2Client;
import reactor.netty.http.client.HttpClient;

/**
 * Lets {@code firmafon-core} hand an {@link OAuth2Client.Builder} the transport of a {@code FirmafonClient}: its
 * {@link TransportSettings} whole (network, timeouts, retry policy, plain-http rule) and its pooled Reactor Netty
 * client, without a Netty or core type in {@code OAuth2Client}'s public API. The builder registers its setter here
 * when its class initialises.
 */
public final class SharedConnections {
    /** Sets an OAuth builder's transport and shared pool. */
    @FunctionalInterface
    public interface Setter {
        OAuth2Client.Builder share(OAuth2Client.Builder builder, TransportSettings transport, HttpClient pooled);
    }

    private static volatile Setter setter;

    private SharedConnections() {}

    /** Called once, by {@link OAuth2Client.Builder}'s static initialiser. */
    public static void register(Setter access) {
        setter = access;
    }

    /** Makes the client {@code builder} builds use {@code transport} and send on {@code pooled}'s connection pool. */
    public static OAuth2Client.Builder share(
            OAuth2Client.Builder builder, TransportSettings transport, HttpClient pooled) {
        return setter.share(builder, transport, pooled);
    }
}
