package dk.firmafon.benchmarks.internal;

import java.time.Duration;
import java.util.function.Function;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A closed loop: {@code concurrency} requests in flight until the time is up (each completion starts the next;
 * at least {@code concurrency} requests in all),
 * then every request still in flight is waited for. Measures wall time, per-request latency from subscription to
 * decoded result, and bytes allocated and CPU time used by the client side.
 */
public final class LoadDriver {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** Latencies are recorded from 1 µs to 60 s (longer ones count as 60 s), lock-free and without resizing. */
    private static final long MAX_LATENCY_NANOS = 60_000_000_000L;

    private LoadDriver() {}

    /** Runs and throws the result away: warm-up. */
    public static void warmUp(
            Function<Contender, Mono<Integer>> work, Contender contender, int concurrency, Duration time) {
        run(work, contender, concurrency, time, new Measurement());
    }

    public static void run(
            Function<Contender, Mono<Integer>> work,
            Contender contender,
            int concurrency,
            Duration time,
            Measurement into) {
        Histogram latencies = new AtomicHistogram(1_000, MAX_LATENCY_NANOS, 3);
        long deadline = System.nanoTime() + time.toNanos();
        // at least one request per slot, however late the loop starts on a loaded machine
        Flux<Long> tickets = Flux.generate(() -> 0L, (issued, sink) -> {
            if (issued < concurrency || System.nanoTime() < deadline) {
                sink.next(issued);
            } else {
                sink.complete();
            }
            return issued + 1;
        });
        ClientThreads.Snapshot before = ClientThreads.snapshot();
        long start = System.nanoTime();
        long[] totals = tickets.flatMap(ticket -> timed(work.apply(contender), latencies), concurrency, 1)
                .reduce(new long[2], (sum, calls) -> {
                    sum[0]++;
                    sum[1] += calls;
                    return sum;
                })
                .block(TIMEOUT);
        long elapsed = System.nanoTime() - start;
        ClientThreads.Usage used = ClientThreads.snapshot().since(before);
        if (totals == null || totals[0] == 0) {
            throw new IllegalStateException(contender.name() + " completed no request");
        }
        into.add(latencies, totals[0], totals[1], elapsed, used);
    }

    private static Mono<Integer> timed(Mono<Integer> request, Histogram latencies) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return request.doOnNext(calls ->
                    latencies.recordValue(Math.max(1_000, Math.min(MAX_LATENCY_NANOS, System.nanoTime() - start))));
        });
    }
}
