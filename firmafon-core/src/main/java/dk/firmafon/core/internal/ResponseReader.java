package dk.firmafon.core.internal;

import org.reactivestreams.Publisher;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Turns one response (any status) into the caller's result or error, inside the connection's scope. The body
 * must be consumed (or the publisher terminated) so the connection can be released.
 */
@FunctionalInterface
public interface ResponseReader<R> {
    Publisher<R> read(Call call, HttpClientResponse response, ByteBufFlux body);
}
