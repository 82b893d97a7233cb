package dk.firmafon.reliability;

import dk.firmafon.core.ExchangeListener;
import dk.firmafon.core.HttpMethod;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the attempts the client made, answered or not (the server cannot count those it never saw). */
final class Counting implements ExchangeListener {
    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    public void onResponse(HttpMethod method, String path, int status, int attempt, long elapsedNanos) {
        attempts.incrementAndGet();
    }

    @Override
    public void onFailure(HttpMethod method, String path, Throwable error, int attempt, long elapsedNanos) {
        attempts.incrementAndGet();
    }

    int attempts() {
        return attempts.get();
    }
}
