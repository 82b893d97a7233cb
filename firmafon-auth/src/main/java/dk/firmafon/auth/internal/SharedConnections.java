package dk.firmafon.auth.internal;

import dk.firmafon.auth.OAuth2Client;
import java.util.function.BiConsumer;
import reactor.netty.http.client.HttpClient;

/**
 * Lets {@code firmafon-core} hand an {@link OAuth2Client.Builder} the pooled Reactor Netty client of a
 * {@code FirmafonClient}, without a Netty type in {@code OAuth2Client}'s public API: the builder registers its
 * setter here when its class initialises.
 */
public final class SharedConnections {
    private static volatile BiConsumer<OAuth2Client.Builder, HttpClient> setter;

    private SharedConnections() {}

    /** Called once, by {@link OAuth2Client.Builder}'s static initialiser. */
    public static void register(BiConsumer<OAuth2Client.Builder, HttpClient> access) {
        setter = access;
    }

    /** Makes the client {@code builder} builds send its token requests on {@code pooled}'s connection pool. */
    public static OAuth2Client.Builder share(OAuth2Client.Builder builder, HttpClient pooled) {
        setter.accept(builder, pooled);
        return builder;
    }
}
