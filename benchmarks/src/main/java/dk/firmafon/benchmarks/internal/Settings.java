package dk.firmafon.benchmarks.internal;

import java.time.Duration;
import java.util.List;

/**
 * How long and how much. {@code jitWarmUp} runs each contender on each workload at concurrency 16 before anything
 * else, long enough for the JIT to compile its whole request path on 2 busy cores (with 2 s the SDK's longer call
 * chain was still partly interpreted when measured, BENCHMARKS.md); {@code warmUp} then runs each scenario briefly.
 * {@link #QUICK} proves every part runs (well under a minute, numbers meaningless);
 * {@link #FULL} is the comparison (a few minutes).
 */
public record Settings(
        String name,
        List<Integer> concurrencies,
        int rounds,
        Duration jitWarmUp,
        Duration warmUp,
        Duration measure,
        long pagerCalls,
        int authSubscribers,
        int jmhForks,
        int jmhIterations,
        Duration jmhIterationTime) {

    public static final Settings QUICK = new Settings(
            "quick",
            List.of(1, 16, 64),
            1,
            Duration.ofMillis(100),
            Duration.ofMillis(100),
            Duration.ofMillis(100),
            2_000,
            1_000,
            0,
            1,
            Duration.ofMillis(100));

    public static final Settings FULL = new Settings(
            "full",
            List.of(1, 16, 64),
            3,
            Duration.ofSeconds(15),
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            1_000_000,
            10_000,
            1,
            5,
            Duration.ofSeconds(1));

    public static Settings named(String name) {
        return switch (name) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("mode must be quick or full, not " + name);
        };
    }
}
