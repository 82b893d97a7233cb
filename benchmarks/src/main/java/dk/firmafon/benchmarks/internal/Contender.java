package dk.firmafon.benchmarks.internal;

import reactor.core.publisher.Mono;

/**
 * One way of talking to the API. Every contender sends the same requests with the same {@code Authorization}
 * header over at most {@link #MAX_CONNECTIONS} connections, and decodes into the same model classes.
 */
public interface Contender extends AutoCloseable {
    /** Connections each contender may open: enough for the highest concurrency measured. */
    int MAX_CONNECTIONS = 64;

    String name();

    /** {@code GET /calls/:uuid} decoded into a {@code Call}; emits 1. */
    Mono<Integer> getCall();

    /** {@code GET /calls?limit=100} decoded into 100 {@code Call}s; emits how many. */
    Mono<Integer> newestPage();

    @Override
    void close();
}
