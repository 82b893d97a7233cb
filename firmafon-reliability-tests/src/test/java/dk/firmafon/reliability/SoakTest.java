package dk.firmafon.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.error.FirmafonException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.net.RetryPolicy;
import dk.firmafon.testsupport.CapturedLogs;
import dk.firmafon.testsupport.LeakGuard;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.test.StepVerifier;

/**
 * A bounded soak: many requests, 1 % of them meeting a fault on their first attempt, against a local server. Ends
 * with no request left hanging (each has a deadline), only the expected outcomes, no leaked buffer and no heap growth
 * beyond a small margin. A few thousand requests by default; {@code -Dfirmafon.soak.requests=100000} for the long run.
 */
class SoakTest {
    private static final String TOKEN = "soak-test-token";
    private static final int CONCURRENCY = 32;
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    /** Generous: a loaded machine must not turn normal answers into timeouts; the slow fault never answers. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    private static final long HEAP_MARGIN = 16L * 1024 * 1024;

    /** What the server does on the first attempt of request {@code i}: every 100th request meets one of these. */
    enum Fault {
        NONE,
        HTML_503,
        RATE_LIMITED_429,
        CLOSED_BEFORE_RESPONSE,
        NO_ANSWER_WITHIN_RESPONSE_TIMEOUT;

        static Fault of(int i) {
            return i % 100 != 42 ? NONE : values()[1 + (i / 100) % 4];
        }
    }

    /** Requests whose fault was served: their retries are answered normally (1 % of the requests: small). */
    private final Set<Integer> faulted = ConcurrentHashMap.newKeySet();

    @Test
    void soakWithOnePercentFaultsEndsWithoutHangLeakOrHeapGrowth() {
        int requests = Integer.getInteger("firmafon.soak.requests", 2_000);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (LocalServer server = LocalServer.start(this::answer);
                Firmafon firmafon = Firmafon.builder()
                        .baseUri(server.baseUri())
                        .auth(AuthStrategy.bearer(TOKEN))
                        .client(client -> client.maxConnections(CONCURRENCY)
                                .responseTimeout(RESPONSE_TIMEOUT)
                                .retryPolicy(RetryPolicy.builder()
                                        .maxAttempts(3)
                                        .initialBackoff(Duration.ofMillis(1))
                                        .maxBackoff(Duration.ofMillis(10))
                                        .build()))
                        .build()) {

            // warm up (pool, JIT, buffers) before measuring the heap
            run(firmafon, -1_000, 500);
            long heapAtStart = usedHeapAfterGc(memory);

            Map<String, Long> outcomes = run(firmafon, 0, requests);

            long expectedTimeouts = 0;
            for (int i = 0; i < requests; i++) {
                expectedTimeouts += Fault.of(i) == Fault.NO_ANSWER_WITHIN_RESPONSE_TIMEOUT ? 1 : 0;
            }
            assertThat(outcomes)
                    .as("outcomes of %d requests", requests)
                    .containsOnlyKeys("ok", "response timeout")
                    .containsEntry("ok", requests - expectedTimeouts)
                    .containsEntry("response timeout", expectedTimeouts);
            LeakGuard.flush(); // the suite-wide recorder of every Netty leak report
            assertThat(LeakGuard.takeReports()).as("Netty buffer leaks").isEmpty();
            assertThat(usedHeapAfterGc(memory))
                    .as("heap used after GC, against %d bytes at the start", heapAtStart)
                    .isLessThanOrEqualTo(heapAtStart + HEAP_MARGIN);
        }
    }

    /** Requests {@code from} .. {@code from + count - 1}, each within {@link #DEADLINE}: how many ended how. */
    private static Map<String, Long> run(Firmafon firmafon, int from, int count) {
        Map<String, Long> outcomes = new TreeMap<>();
        StepVerifier.create(Flux.range(from, count)
                        .flatMap(
                                i -> firmafon.calls()
                                        .get("soak-" + i)
                                        .timeout(DEADLINE)
                                        .map(call -> call.callUuid().equals("soak-" + i) ? "ok" : "wrong call " + call)
                                        .onErrorResume(error -> Mono.just(outcome(error))),
                                CONCURRENCY))
                .thenConsumeWhile(outcome -> outcomes.merge(outcome, 1L, Long::sum) > 0)
                .expectComplete()
                .verify(DEADLINE.multipliedBy(Math.max(1, count / 1_000)).plus(Duration.ofMinutes(1)));
        return outcomes;
    }

    private static String outcome(Throwable error) {
        if (error instanceof TimeoutException) {
            return "hang: no outcome within " + DEADLINE;
        }
        if (error instanceof FirmafonIoException && error.getMessage().contains("responseTimeout")) {
            return "response timeout";
        }
        return (error instanceof FirmafonException ? "" : "not an SDK error: ") + error;
    }

    private Publisher<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        String uuid = LocalServer.lastSegment(request);
        int i = Integer.parseInt(uuid.substring("soak-".length()));
        Fault planned = i >= 0 ? Fault.of(i) : Fault.NONE;
        Fault fault = planned != Fault.NONE && faulted.add(i) ? planned : Fault.NONE; // first attempt only
        return switch (fault) {
            case NONE -> LocalServer.json(response, Mono.just(LocalServer.callJson(uuid)));
            case HTML_503 -> response.status(503)
                    .header("Content-Type", "text/html")
                    .sendString(Mono.just("<html><body><h1>503 Service Unavailable</h1></body></html>"));
            case RATE_LIMITED_429 -> response.status(429)
                    .header("Retry-After", "0")
                    .sendString(Mono.just("slow down"));
            case CLOSED_BEFORE_RESPONSE -> response.withConnection(Connection::dispose)
                    .then();
            case NO_ANSWER_WITHIN_RESPONSE_TIMEOUT -> LocalServer.json(response, Mono.never());
        };
    }

    /**
     * Heap in use after GC, without the log lines the test harness keeps for assertions ({@link CapturedLogs}, up to
     * {@code 10,000} of them): they are the harness's, not the SDK's, and at two DEBUG lines per request a long run
     * would otherwise fill them between the two measurements.
     */
    private static long usedHeapAfterGc(MemoryMXBean memory) {
        CapturedLogs.clear();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
