package dk.firmafon.core.internal;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.function.LongFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The body of one response, read once in one of three ways. A transport implements it over its own buffers (the
 * Reactor Netty one aggregates without copying); tests implement it over a byte array.
 */
public interface ResponseBody {
    /**
     * The whole body as a stream that releases its memory on close, or empty for an empty body; fails with
     * {@code tooLarge.apply(declaredLength)} ({@code -1} when the length was not declared) when the body is
     * longer than {@code max} bytes, without reading the rest.
     */
    Mono<InputStream> aggregate(long max, LongFunction<? extends RuntimeException> tooLarge);

    /** The body as it arrives, each buffer a copy the subscriber owns. */
    Flux<ByteBuffer> stream();

    /** Reads and drops the body. */
    Mono<Void> discard();
}
