package dk.firmafon.core.internal.netty;

import dk.firmafon.auth.internal.Tls;
import dk.firmafon.error.FirmafonException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.foundation.internal.Redaction;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/** A WebSocket on the client's configured Reactor Netty client: text frames out and in. */
public final class NettyWebSocket {
    private NettyWebSocket() {}

    /**
     * Opens the socket on subscription; emits every text frame received (aggregated when fragmented); sends every
     * text of {@code outbound}; fails with a {@link FirmafonIoException} (or {@code FirmafonTlsException}) when the
     * upgrade is refused or the connection fails; cancelling closes it.
     */
    public static Flux<String> open(HttpClient http, URI uri, Publisher<String> outbound, int maxFrameBytes) {
        return http.websocket(WebsocketClientSpec.builder()
                        .maxFramePayloadLength(maxFrameBytes)
                        .handlePing(true)
                        .build())
                .uri(uri)
                .handle((in, out) -> {
                    // the socket lives as long as its inbound side: when the server closes it (or it breaks), the
                    // sending stops too and the stream ends, so whoever waits on it hears at once
                    Sinks.Empty<Void> closed = Sinks.empty();
                    Flux<String> inbound = in.aggregateFrames(maxFrameBytes)
                            .receiveFrames()
                            .map(frame -> frame.content().toString(StandardCharsets.UTF_8))
                            .doFinally(signal -> closed.tryEmitEmpty());
                    Mono<Void> sending = Mono.fromDirect(out.sendString(Flux.from(outbound), StandardCharsets.UTF_8))
                            .takeUntilOther(closed.asMono());
                    return Flux.merge(sending.then(Mono.<String>empty()), inbound);
                })
                .onErrorMap(e -> !(e instanceof FirmafonException), e -> failure(uri, e));
    }

    private static FirmafonException failure(URI uri, Throwable e) {
        String what = "WebSocket " + Redaction.uri(uri) + " failed: ";
        if (Tls.isVerificationFailure(e)) {
            return Tls.verificationFailure(what, e);
        }
        return new FirmafonIoException(
                what
                        + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + Redaction.excerpt(e.getMessage(), 160) + ")"),
                e,
                FirmafonIoException.Kind.CONNECTION_CLOSED,
                true);
    }
}
