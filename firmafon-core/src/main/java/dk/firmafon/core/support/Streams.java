package dk.firmafon.core.support;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Stream rules the SDK's modules share. */
public final class Streams {
    private Streams() {}

    /**
     * {@code stream}, cancelled as soon as {@code trigger} emits or completes, and then failed with {@code error}
     * (a stream that ends by itself first ends as it does). Reactor's {@code takeUntilOther} alone is not enough: it
     * cancels its source only when the other publisher emits a value; an error from the other publisher reaches the
     * subscriber but leaves the source running (its retries included), so the trigger here only ever emits.
     */
    public static <T> Flux<T> cutBy(Flux<T> stream, Publisher<?> trigger, Supplier<? extends Throwable> error) {
        return Flux.defer(() -> {
            AtomicBoolean cut = new AtomicBoolean();
            Mono<Boolean> fired = Mono.from(trigger).then(Mono.fromCallable(() -> {
                cut.set(true);
                return Boolean.TRUE;
            }));
            return stream.takeUntilOther(fired)
                    .concatWith(Mono.defer(() -> cut.get() ? Mono.error(error.get()) : Mono.empty()));
        });
    }
}
