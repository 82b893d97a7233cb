package dk.firmafon.benchmarks.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One scenario, the SDK against raw Reactor Netty only, with a long warm-up and many short interleaved rounds: the
 * tool for sizing (and, under a profiler, explaining) a gap the full comparison reports. Run it as
 * {@code java -jar benchmarks.jar focus get|page <concurrency> [rounds] [sdk|raw|both|timeout]}; with one contender it runs
 * that one alone, for a profiler attached to the JVM; {@code timeout} adds
 * raw Reactor Netty with its own {@code responseTimeout} (what the SDK's timeout would cost done the stock way).
 */
public final class HeadToHead {
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    private static final Duration ROUND = Duration.ofSeconds(2);

    private HeadToHead() {}

    /** Runs the comparison and prints, per contender, requests, req/s, client CPU µs and KB per request. */
    public static void run(Workload workload, int concurrency, int rounds, String only, PrintStream out) {
        try (CallsServer server = new CallsServer(1_000)) {
            List<Contender> contenders = new ArrayList<>();
            if (!"raw".equals(only)) {
                contenders.add(new SdkContender(server.baseUri()));
            }
            if (!"sdk".equals(only)) {
                contenders.add(new RawNettyContender(server.baseUri(), Envelopes.mapper()));
            }
            if ("timeout".equals(only)) {
                contenders.add(new RawNettyContender(server.baseUri(), Envelopes.mapper(), Duration.ofSeconds(30)));
            }
            try {
                Scenario scenario = new Scenario(workload, concurrency);
                out.println(scenario.label() + ": warm-up " + WARM_UP.toSeconds() + " s per contender");
                for (Contender contender : contenders) {
                    LoadDriver.warmUp(workload.work(), contender, concurrency, WARM_UP);
                }
                Map<String, Measurement> results = new LinkedHashMap<>();
                contenders.forEach(c -> results.put(c.name(), new Measurement()));
                for (int round = 1; round <= rounds; round++) {
                    for (Contender contender : contenders) {
                        LoadDriver.run(workload.work(), contender, concurrency, ROUND, results.get(contender.name()));
                    }
                }
                out.println("| contender | requests | req/s | p50 µs | p99 µs | client CPU µs/req | KB/req |");
                out.println("|---|---:|---:|---:|---:|---:|---:|");
                results.forEach((name, m) -> out.println(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.0f | %.0f | %.0f | %.1f | %.1f |",
                        name,
                        m.requests(),
                        m.requestsPerSecond(),
                        m.p50Micros(),
                        m.p99Micros(),
                        m.cpuMicrosPerRequest(),
                        m.bytesPerRequest() / 1024)));
            } finally {
                contenders.forEach(Contender::close);
            }
        }
    }
}
