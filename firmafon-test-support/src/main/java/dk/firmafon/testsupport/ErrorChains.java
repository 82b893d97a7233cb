package dk.firmafon.testsupport;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import reactor.core.publisher.Signal;

/** Checks on what a hostile input made the SDK deliver. */
public final class ErrorChains {
    private ErrorChains() {}

    /**
     * Fails unless {@code signal} is a value, a completion, or an error of type {@code allowed} whose causes hold no
     * {@link NullPointerException} or {@link ClassCastException} (a bug wrapped into an SDK error is still a bug).
     */
    public static void assertOnly(Class<? extends Throwable> allowed, Signal<?> signal) {
        if (!signal.isOnError()) {
            return;
        }
        Throwable error = signal.getThrowable();
        if (!allowed.isInstance(error)) {
            throw new AssertionError("expected only " + allowed.getName() + " but got " + error, error);
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof NullPointerException || t instanceof ClassCastException) {
                throw new AssertionError("a " + t.getClass().getSimpleName() + " inside " + error, error);
            }
        }
    }
}
