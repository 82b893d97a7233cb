package dk.firmafon.core.support;

import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.internal.ClientAccess;
import dk.firmafon.foundation.internal.Checks;
import java.net.URI;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * A WebSocket to a second host that takes its credential inside the messages (the live events feed), on a
 * {@link FirmafonClient}'s own transport and lifecycle, never with the API credential. {@code http(s)} URIs become
 * {@code ws(s)}; the target must pass the client's plain-http rule.
 */
public final class ExternalSocket {
    private ExternalSocket() {}

    /** Text frames out ({@code outbound}) and in (the returned stream); cancelling closes the socket. */
    public static Flux<String> open(
            FirmafonClient client,
            URI target,
            Publisher<String> outbound,
            int maxFrameBytes,
            boolean allowInsecureHttp) {
        return Flux.defer(() -> {
            if (Checks.isPlainHttpRefused(target, allowInsecureHttp)) {
                throw new IllegalArgumentException("refusing to send the credential over plain http to "
                        + target.getHost() + ": use https, or allowInsecureHttp(true) if you really mean it");
            }
            String scheme = target.getScheme().equalsIgnoreCase("https") ? "wss" : "ws";
            URI socket = URI.create(scheme
                    + Checks.canonical(target).substring(target.getScheme().length()));
            return ClientAccess.unauthenticated(client).webSocket(socket, outbound, maxFrameBytes);
        });
    }
}
