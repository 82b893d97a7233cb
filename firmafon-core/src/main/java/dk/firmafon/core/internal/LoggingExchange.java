package dk.firmafon.core.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * Logs each attempt at DEBUG on the logger {@code dk.firmafon.core}: {@code --> GET uri} when it is sent,
 * {@code <-- 200 OK GET uri (12 ms)} when the response head arrives, {@code <-- failed GET uri: ...} on an I/O
 * failure. URIs go through {@link dk.firmafon.foundation.internal.Redaction}; headers and bodies are never logged.
 * Costs one level check per attempt when DEBUG is off.
 */
public final class LoggingExchange implements Exchange {
    private static final Logger LOG = LoggerFactory.getLogger("dk.firmafon.core");

    private final Exchange delegate;

    public LoggingExchange(Exchange delegate) {
        this.delegate = delegate;
    }

    @Override
    public <R> Flux<R> exchange(Attempt call, ResponseReader<R> reader) {
        if (!LOG.isDebugEnabled()) {
            return delegate.exchange(call, reader);
        }
        return Flux.defer(() -> {
            String described = call.describe();
            long start = System.nanoTime();
            LOG.debug("--> {} (attempt {})", described, call.attempt());
            boolean[] answered = {false};
            return delegate.exchange(call, (c, head, body) -> {
                        answered[0] = true;
                        LOG.debug(
                                "<-- {} {} {} ({} ms)",
                                head.status(),
                                head.reason(),
                                described,
                                (System.nanoTime() - start) / 1_000_000);
                        return reader.read(c, head, body);
                    })
                    .doOnError(e -> {
                        if (!answered[0]) {
                            LOG.debug(
                                    "<-- failed {} ({} ms): {}",
                                    described,
                                    (System.nanoTime() - start) / 1_000_000,
                                    e.getMessage());
                        }
                    });
        });
    }
}
