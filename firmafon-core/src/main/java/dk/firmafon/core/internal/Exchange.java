package dk.firmafon.core.internal;

import reactor.core.publisher.Flux;

/**
 * One step of the request pipeline. The innermost is {@link NettyExchange}; {@link Pipeline} wraps it in
 * decorators in a fixed order: retry, auth, logging, metrics, exchange.
 */
public interface Exchange {
    /** Sends {@code call} (lazily, on subscription) and reads the response with {@code reader}. */
    <R> Flux<R> exchange(Attempt call, ResponseReader<R> reader);
}
