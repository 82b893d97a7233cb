package dk.firmafon.benchmarks.internal;

import dk.firmafon.benchmarks.internal.SuiteResult.DecodeResult;
import java.util.Locale;
import java.util.Map;

/** The run as Markdown: ratios against raw Reactor Netty first, then the absolute figures behind them. */
public final class Report {
    /** The contender every ratio divides by. */
    public static final String BASELINE = "raw Reactor Netty";

    public static final String SDK = "SDK";

    private Report() {}

    public static String markdown(SuiteResult result) {
        StringBuilder out = new StringBuilder();
        Machine machine = result.machine();
        line(out, "## Results (%s mode, %.0f s)", result.settings().name(), result.seconds());
        line(out, "");
        line(
                out,
                "Machine: %d processors, %.1f GiB, %s, %s. Load average %.2f at start, %.2f at end.",
                machine.processors(),
                machine.memoryBytes() / (1024.0 * 1024 * 1024),
                machine.jdk(),
                machine.os(),
                machine.loadAverage(),
                result.loadAverageAtEnd());
        line(
                out,
                "Each figure: %d measured round(s) of %d ms per contender and scenario, after a JIT warm-up of %d ms "
                        + "per contender and workload (concurrency 16) and %d ms of warm-up per contender and scenario.",
                result.settings().rounds(),
                result.settings().measure().toMillis(),
                result.settings().jitWarmUp().toMillis(),
                result.settings().warmUp().toMillis());
        line(out, "");
        line(out, "### Ratios to raw Reactor Netty + Jackson");
        line(out, "");
        line(
                out,
                "Throughput ratio > 1 is faster than raw; p99, allocation and CPU ratios < 1 are better than raw. "
                        + "CPU/req (client threads' CPU time per request) is the figure a loaded machine disturbs least.");
        line(out, "");
        line(
                out,
                "| scenario | SDK / raw req/s | WebClient / raw req/s | JDK / raw req/s | SDK / raw p99 "
                        + "| SDK / raw bytes/req | SDK / raw CPU/req | SDK ahead of WebClient and JDK |");
        line(out, "|---|---:|---:|---:|---:|---:|---:|---|");
        for (Map.Entry<Scenario, Map<String, Measurement>> row :
                result.throughput().entrySet()) {
            Map<String, Measurement> by = row.getValue();
            Measurement raw = by.get(BASELINE);
            Measurement sdk = by.get(SDK);
            Measurement web = by.get("Spring WebClient");
            Measurement jdk = by.get("JDK HttpClient");
            boolean ahead = sdk.requestsPerSecond() > web.requestsPerSecond()
                    && sdk.requestsPerSecond() > jdk.requestsPerSecond();
            line(
                    out,
                    "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |",
                    row.getKey().label(),
                    sdk.requestsPerSecond() / raw.requestsPerSecond(),
                    web.requestsPerSecond() / raw.requestsPerSecond(),
                    jdk.requestsPerSecond() / raw.requestsPerSecond(),
                    sdk.p99Micros() / raw.p99Micros(),
                    sdk.bytesPerRequest() / raw.bytesPerRequest(),
                    sdk.cpuMicrosPerRequest() / raw.cpuMicrosPerRequest(),
                    ahead ? "yes" : "no");
        }
        line(out, "");
        line(out, "### Absolute figures");
        line(out, "");
        line(
                out,
                "| scenario | contender | requests | req/s | decoded calls/s | p50 µs | p99 µs | KB allocated/req "
                        + "| client CPU µs/req |");
        line(out, "|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<Scenario, Map<String, Measurement>> row :
                result.throughput().entrySet()) {
            for (Map.Entry<String, Measurement> cell : row.getValue().entrySet()) {
                Measurement m = cell.getValue();
                line(
                        out,
                        "| %s | %s | %d | %.0f | %.0f | %.0f | %.0f | %.1f | %.0f |",
                        row.getKey().label(),
                        cell.getKey(),
                        m.requests(),
                        m.requestsPerSecond(),
                        m.callsPerSecond(),
                        m.p50Micros(),
                        m.p99Micros(),
                        m.bytesPerRequest() / 1024,
                        m.cpuMicrosPerRequest());
            }
        }
        line(out, "");
        line(
                out,
                "### Pager: the whole history through `CallsClient.list()` in a child JVM with -Xmx%s",
                PagerHeapCheck.HEAP);
        line(out, "");
        PagerHeapCheck.Result pager = result.pager();
        line(out, "| calls expected | calls streamed | succeeded | seconds | calls/s | peak heap used (MB) |");
        line(out, "|---:|---:|---|---:|---:|---:|");
        line(
                out,
                "| %d | %d | %s | %.1f | %.0f | %.1f |",
                pager.expected(),
                pager.calls(),
                pager.succeeded() ? "yes" : "no (" + pager.detail() + ")",
                pager.millis() / 1e3,
                pager.millis() == 0 ? 0 : pager.calls() * 1e3 / pager.millis(),
                pager.peakHeapBytes() / 1e6);
        line(out, "");
        line(out, "### OAuth: concurrent subscribers while the stored token has expired");
        line(out, "");
        AuthStampede.Result auth = result.auth();
        line(
                out,
                "| subscribers | got the new token | token requests | ms until all had it (token endpoint answers after %d ms) |",
                CallsServer.TOKEN_DELAY.toMillis());
        line(out, "|---:|---:|---:|---:|");
        line(
                out,
                "| %d | %d | %d | %.0f |",
                auth.subscribers(),
                auth.credentials(),
                auth.tokenRequests(),
                auth.millisUntilAll());
        line(out, "");
        line(out, "### JMH: decoding one page of 100 calls into `Call` models");
        line(out, "");
        line(out, "| benchmark | µs/page | ± | bytes allocated/page |");
        line(out, "|---|---:|---:|---:|");
        for (DecodeResult decode : result.decoding()) {
            line(
                    out,
                    "| %s | %.1f | %s | %.0f |",
                    decode.benchmark(),
                    decode.microsPerPage(),
                    Double.isNaN(decode.errorMicros())
                            ? "n/a"
                            : String.format(Locale.ROOT, "%.1f", decode.errorMicros()),
                    decode.bytesPerPage());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
