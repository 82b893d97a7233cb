package dk.firmafon.benchmarks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.calls.CallQuery;
import dk.firmafon.calls.CallsClient;
import dk.firmafon.calls.model.Call;
import dk.firmafon.core.FirmafonClient;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A history export at network latency: a loopback server that answers each {@code GET /calls} after a delay (20 ms by
 * default) and serves 100,000 calls, exported by the SDK sequentially (one page ahead), by the SDK's parallel export
 * (8 listings), and by a hand-written sequential Reactor Netty loop, with and without a consumer that spends 20 ms per
 * page; beside each, the limit: {@code max(pages x delay / concurrency, pages x consumer time)} plus the decode time
 * (the SDK's sequential export from a server without delay, measured first). Heap: the peak of the heap pools during the run
 * (run it with {@code -Xmx64m} to see that it stays flat). Run with
 * {@code java -Xmx64m -jar benchmarks/target/benchmarks.jar export [calls] [delayMillis]}.
 */
public final class ExportBenchmark {
    private static final int PAGE = CallsServer.PAGE_SIZE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportBenchmark() {}

    public static void run(long calls, Duration delay, PrintStream out) {
        try (CallsServer server = new CallsServer(calls, delay);
                FirmafonClient client = FirmafonClient.builder()
                        .baseUri(server.baseUri())
                        .auth(AuthStrategy.bearer(CallsServer.TOKEN))
                        .build()) {
            CallsClient sdk = CallsClient.create(client);
            Instant newest = CallHistory.startedAt(0);
            Instant oldest = CallHistory.startedAt(calls - 1);
            CallQuery range = CallQuery.builder()
                    .startedAtOrAfter(oldest)
                    .startedAtOrBefore(newest)
                    .limit(PAGE)
                    .build();
            long pages = (calls + PAGE - 1) / PAGE;
            double decode;
            try (CallsServer instant = new CallsServer(calls, Duration.ZERO);
                    FirmafonClient direct = FirmafonClient.builder()
                            .baseUri(instant.baseUri())
                            .auth(AuthStrategy.bearer(CallsServer.TOKEN))
                            .build()) {
                consume(CallsClient.create(direct).list(range), Duration.ZERO); // warm-up
                long start = System.nanoTime();
                consume(CallsClient.create(direct).list(range), Duration.ZERO);
                decode = (System.nanoTime() - start) / 1e9;
            }
            out.printf(
                    "%,d calls, %d per page, %d ms per request; decode (the SDK, no delay): %.2f s;"
                            + " limit = max(pages x delay / concurrency, pages x consumer) + decode%n",
                    calls, PAGE, delay.toMillis(), decode);
            out.println("| exporter | consumer | wall s | limit s | wall / limit | calls | peak heap MB |");
            out.println("|---|---|---:|---:|---:|---:|---:|");
            for (boolean slowConsumer : new boolean[] {false, true}) {
                Duration perPage = slowConsumer ? Duration.ofMillis(20) : Duration.ZERO;
                double consumer = pages * perPage.toMillis() / 1000.0;
                double sequential = pages * delay.toMillis() / 1000.0;
                row(
                        out,
                        "SDK sequential (one page ahead)",
                        slowConsumer,
                        Math.max(sequential, consumer) + decode,
                        () -> consume(sdk.list(range), perPage));
                row(
                        out,
                        "SDK parallel(8)",
                        slowConsumer,
                        Math.max(sequential / 8, consumer) + decode,
                        () -> consume(sdk.export(range, 8), perPage));
                row(
                        out,
                        "raw Reactor Netty, sequential",
                        slowConsumer,
                        Math.max(sequential, consumer) + decode,
                        () -> rawSequential(server.baseUri(), perPage));
            }
        }
    }

    private interface Run {
        long calls();
    }

    private static void row(PrintStream out, String exporter, boolean slowConsumer, double limitSeconds, Run run) {
        resetPeaks();
        long start = System.nanoTime();
        long exported = run.calls();
        double wall = (System.nanoTime() - start) / 1e9;
        out.printf(
                "| %s | %s | %.2f | %.2f | %.2f | %,d | %d |%n",
                exporter,
                slowConsumer ? "20 ms per page" : "none",
                wall,
                limitSeconds,
                wall / limitSeconds,
                exported,
                peakHeap() / (1024 * 1024));
    }

    /** Counts the calls, spending {@code perPage} (without blocking) on every 100. */
    private static long consume(Flux<Call> calls, Duration perPage) {
        Flux<Integer> pages = calls.buffer(PAGE).map(List::size);
        if (!perPage.isZero()) {
            pages = pages.concatMap(size -> Mono.delay(perPage).thenReturn(size), 1);
        }
        return pages.reduce(0L, Long::sum).block(Duration.ofMinutes(30));
    }

    /**
     * What a team would write by hand: a loop of Reactor Netty GETs on the inclusive cursor, each page parsed to a
     * tree, the boundary's repeats dropped by uuid, the consumer (if any) in series with the next request.
     */
    private static long rawSequential(URI base, Duration perPage) {
        ConnectionProvider pool = ConnectionProvider.create("raw-export", 4);
        HttpClient http = HttpClient.create(pool)
                .headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, CallsServer.AUTHORIZATION));
        Set<String> atCursor = new HashSet<>();
        long[] total = {0};
        Function<String, Mono<JsonNode>> get = cursor -> http.get()
                .uri(base + "/calls?limit=" + PAGE
                        + (cursor == null
                                ? ""
                                : "&started_at_lt_or_eq="
                                        + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)))
                .responseSingle((response, body) -> body.asInputStream())
                .map(stream -> {
                    try (stream) {
                        return JSON.readTree(stream);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
        String cursor = null;
        try {
            while (true) {
                JsonNode page = get.apply(cursor).block(Duration.ofMinutes(1)).path("calls");
                int fresh = 0;
                String oldest = null;
                Set<String> seenAtOldest = new HashSet<>();
                for (JsonNode call : page) {
                    String uuid = call.path("call_uuid").asText();
                    String at = call.path("started_at").asText();
                    if (cursor != null && at.equals(cursor) && atCursor.contains(uuid)) {
                        continue;
                    }
                    fresh++;
                    if (!at.equals(oldest)) {
                        oldest = at;
                        seenAtOldest.clear();
                    }
                    seenAtOldest.add(uuid);
                }
                if (fresh == 0) {
                    return total[0];
                }
                total[0] += fresh;
                if (!perPage.isZero()) {
                    Mono.delay(perPage).block(perPage.plusSeconds(5));
                }
                if (oldest.equals(cursor)) {
                    atCursor.addAll(seenAtOldest);
                } else {
                    atCursor = seenAtOldest;
                }
                cursor = oldest;
            }
        } finally {
            pool.dispose();
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
