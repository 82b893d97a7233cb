package dk.firmafon.calls.internal;

import dk.firmafon.core.ExchangeListener;
import dk.firmafon.core.HttpMethod;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * How many windows of an export may fetch at once: up to the parallelism asked for, halved on every 429 the API
 * answers (seen as an {@link ExchangeListener} of the export's requests, which the pipeline itself retries after
 * {@code Retry-After}), and raised by one as each window completes with no 429 in the last {@value #CALM_MILLIS} ms
 * (additive increase, multiplicative decrease). A window holds a permit while it fetches.
 */
public final class ExportLimiter implements ExchangeListener {
    static final long CALM_MILLIS = 2_000;

    private final int max;
    private final LongSupplier clock;
    private final ArrayDeque<MonoSink<Void>> waiting = new ArrayDeque<>();
    private int limit;
    private int inUse;
    private int lowest;
    private long lastLimitedMillis = Long.MIN_VALUE / 2;

    public ExportLimiter(int max) {
        this(max, System::currentTimeMillis);
    }

    ExportLimiter(int max, LongSupplier clock) {
        this.max = max;
        this.limit = max;
        this.lowest = max;
        this.clock = clock;
    }

    /** Completes when a window may start fetching; cancelling it gives up the place in the queue. */
    public Mono<Void> acquire() {
        return Mono.create(sink -> {
            boolean now;
            synchronized (this) {
                now = inUse < limit;
                if (now) {
                    inUse++;
                } else {
                    waiting.add(sink);
                    sink.onCancel(() -> {
                        synchronized (this) {
                            waiting.remove(sink);
                        }
                    });
                }
            }
            if (now) {
                sink.success();
            }
        });
    }

    /** A window is done fetching (completed, failed or cancelled). */
    public void release() {
        MonoSink<Void> next;
        synchronized (this) {
            inUse--;
            if (limit < max && clock.getAsLong() - lastLimitedMillis >= CALM_MILLIS) {
                limit++;
            }
            next = inUse < limit ? waiting.poll() : null;
            if (next != null) {
                inUse++;
            }
        }
        if (next != null) {
            next.success();
        }
    }

    @Override
    public void onResponse(
            HttpMethod method, String path, String pathTemplate, int status, int attempt, long elapsedNanos) {
        if (status == 429) {
            synchronized (this) {
                limit = Math.max(1, limit / 2);
                lowest = Math.min(lowest, limit);
                lastLimitedMillis = clock.getAsLong();
            }
        }
    }

    /** The windows allowed to fetch at once now. */
    public synchronized int limit() {
        return limit;
    }

    /** The lowest the limit went (for tests and diagnostics). */
    public synchronized int lowest() {
        return lowest;
    }
}
