package dk.firmafon.testsupport;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Records every error a Reactor chain delivers to its final subscriber (a {@code StepVerifier}, a {@code block()},
 * a {@code subscribe(...)} callback), through a last-operator hook applied when the chain is subscribed.
 */
final class ReactorErrors {
    static final String HOOK_KEY = "dk.firmafon.testsupport.secrets-guard";

    private ReactorErrors() {}

    static void install() {
        Hooks.onLastOperator(HOOK_KEY, Operators.lift((scannable, subscriber) -> new Recording<>(subscriber)));
    }

    private static final class Recording<T> implements CoreSubscriber<T> {
        private final CoreSubscriber<? super T> actual;

        Recording(CoreSubscriber<? super T> actual) {
            this.actual = actual;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            actual.onSubscribe(subscription);
        }

        @Override
        public void onNext(T value) {
            actual.onNext(value);
        }

        @Override
        public void onError(Throwable error) {
            Evidence.throwable(
                    "an error delivered through Reactor to " + actual.getClass().getName(), error);
            actual.onError(error);
        }

        @Override
        public void onComplete() {
            actual.onComplete();
        }
    }
}
