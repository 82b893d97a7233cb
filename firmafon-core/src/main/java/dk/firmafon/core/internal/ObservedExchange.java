package dk.firmafon.core.internal;

import dk.firmafon.core.RequestObserver;
import dk.firmafon.core.RequestObserver.ObservedAttempt;
import dk.firmafon.core.RequestObserver.ObservedCall;
import dk.firmafon.error.FirmafonApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;

/**
 * The {@link RequestObserver}'s two places in the pipeline: {@link #calls} outermost (one observed call over all
 * its attempts), {@link #attempts} next to the transport (each attempt, with the observer's headers added). The
 * call's state travels from one to the other in the Reactor context. A call that answers one value (every JSON
 * call) has been reported as ended when that value reaches the subscriber; a download, when its last buffer has.
 * Left out when the observer is {@link RequestObserver#NONE}.
 */
public final class ObservedExchange {
    private static final Object KEY = CallState.class;

    private ObservedExchange() {}

    /** Observes each call through {@code delegate} (the retrying pipeline) as one. */
    public static Exchange calls(Exchange delegate, RequestObserver observer) {
        return new Exchange() {
            @Override
            public <R> Flux<R> exchange(Attempt call, ResponseReader<R> reader) {
                return Flux.deferContextual(context -> {
                    CallState state = new CallState(observer.start(call.method(), call.pathTemplate(), context));
                    // a JSON call's one value is its whole decoded body: the call has ended before the subscriber
                    // sees it (so a metric read right after block() is there); a download ends with its last buffer
                    boolean single = !call.binary();
                    return delegate.exchange(call, reader)
                            .doOnNext(item -> {
                                state.emitted = true;
                                if (single) {
                                    state.succeeded();
                                }
                            })
                            .doOnComplete(state::succeeded)
                            .doOnError(state::failed)
                            .doOnCancel(state::cancelled)
                            .contextWrite(c -> c.put(KEY, state));
                });
            }
        };
    }

    /** Reports each attempt through {@code delegate} (the transport) to the call observed around it, if any. */
    public static Exchange attempts(Exchange delegate) {
        return new Exchange() {
            @Override
            public <R> Flux<R> exchange(Attempt call, ResponseReader<R> reader) {
                return Flux.deferContextual(context -> {
                    CallState state = context.getOrDefault(KEY, null);
                    if (state == null) {
                        return delegate.exchange(call, reader);
                    }
                    List<String> headers = new ArrayList<>(4);
                    ObservedAttempt attempt = state.call.attempt(call.attempt(), (name, value) -> {
                        if (acceptable(name, value)) {
                            headers.add(name);
                            headers.add(value);
                        }
                    });
                    state.attempts = call.attempt();
                    boolean[] answered = {false};
                    return delegate.exchange(call.withHeaders(headers.toArray(new String[0])), (c, head, body) -> {
                                answered[0] = true;
                                state.status = head.status();
                                attempt.response(head.status());
                                return reader.read(c, head, body);
                            })
                            .doOnError(e -> {
                                if (!answered[0]) {
                                    attempt.failed(e);
                                }
                            })
                            .doOnCancel(() -> {
                                if (!answered[0]) {
                                    attempt.cancelled();
                                }
                            });
                });
            }
        };
    }

    /** A header an observer may add: an HTTP token the SDK does not set itself, with a value on one line. */
    static boolean acceptable(String name, String value) {
        return HeaderRules.isToken(name) && !HeaderRules.isReserved(name) && HeaderRules.isValue(value);
    }

    /** One observed call: its last status and attempt count, and whether it has been reported as ended. */
    private static final class CallState {
        final ObservedCall call;
        final AtomicBoolean ended = new AtomicBoolean();
        volatile int status;
        volatile int attempts;
        volatile boolean emitted;

        CallState(ObservedCall call) {
            this.call = call;
        }

        void succeeded() {
            if (ended.compareAndSet(false, true)) {
                call.succeeded(status, attempts);
            }
        }

        void failed(Throwable error) {
            if (ended.compareAndSet(false, true)) {
                int last = error instanceof FirmafonApiException api ? api.status() : status;
                call.failed(error, last, attempts);
            }
        }

        /** A Mono's {@code next()} cancels once it has its value: the call succeeded. */
        void cancelled() {
            if (emitted) {
                succeeded();
            } else if (ended.compareAndSet(false, true)) {
                call.cancelled(status, attempts);
            }
        }
    }
}
