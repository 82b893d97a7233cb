package dk.firmafon.core.internal;

import dk.firmafon.core.ExchangeListener;
import reactor.core.publisher.Flux;

/**
 * Reports each attempt to the {@link ExchangeListener}: the status once the response head arrived, or the failure
 * when none did. Left out of the pipeline when the listener is {@link ExchangeListener#NONE}.
 */
public final class MetricsExchange implements Exchange {
    private final Exchange delegate;
    private final ExchangeListener listener;

    public MetricsExchange(Exchange delegate, ExchangeListener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public <R> Flux<R> exchange(Attempt call, ResponseReader<R> reader) {
        return Flux.defer(() -> {
            long start = System.nanoTime();
            boolean[] answered = {false};
            return delegate.exchange(call, (c, head, body) -> {
                        answered[0] = true;
                        listener.onResponse(
                                c.method(),
                                c.metricsPath(),
                                c.pathTemplate(),
                                head.status(),
                                c.attempt(),
                                System.nanoTime() - start);
                        return reader.read(c, head, body);
                    })
                    .doOnError(e -> {
                        if (!answered[0]) {
                            listener.onFailure(
                                    call.method(),
                                    call.metricsPath(),
                                    call.pathTemplate(),
                                    e,
                                    call.attempt(),
                                    System.nanoTime() - start);
                        }
                    });
        });
    }
}
