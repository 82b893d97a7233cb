package dk.firmafon.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.core.FirmafonClient;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * What the SDK's own modules may reach inside a {@link FirmafonClient} beyond its public API, without widening it:
 * sending an {@link Attempt} through the pipeline below authentication and retry (for a second host, such as the live
 * events feed, that takes its credential in the body), under the client's lifecycle. {@code FirmafonClient}
 * registers the accessor when its class initialises.
 */
public final class ClientAccess {
    /** The client's unauthenticated sending: JSON over HTTP, or text frames over a WebSocket. */
    public interface Unauthenticated {
        /** Sends {@code call} below authentication and retry, reading the JSON answer. */
        Flux<JsonNode> sendJson(Attempt call);

        /**
         * Opens a WebSocket to {@code uri} ({@code ws://} or {@code wss://}) on the client's transport (pool settings,
         * proxy, TLS, connect timeout), sends every text of {@code outbound} as a frame and emits every text frame
         * received; cancelling closes the socket. Frames over {@code maxFrameBytes} fail the stream.
         */
        Flux<String> webSocket(java.net.URI uri, org.reactivestreams.Publisher<String> outbound, int maxFrameBytes);
    }

    private static volatile Function<FirmafonClient, Unauthenticated> access;

    private ClientAccess() {}

    /** Called once, by {@code FirmafonClient}'s static initialiser. */
    public static void register(Function<FirmafonClient, Unauthenticated> accessor) {
        access = accessor;
    }

    /** {@code client}'s unauthenticated sending. */
    public static Unauthenticated unauthenticated(FirmafonClient client) {
        if (access == null) {
            FirmafonClient.userAgent(); // initialises FirmafonClient, which registers
        }
        return access.apply(client);
    }
}
