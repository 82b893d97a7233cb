package dk.firmafon.benchmarks.internal;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.events.CallEvent;
import dk.firmafon.events.EventsClient;
import dk.firmafon.events.EventsSettings;
import dk.firmafon.testkit.FakeFeed;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import reactor.core.Disposable;

/**
 * Live events through one feed session, against the testkit's {@link FakeFeed} on loopback (long-polling):
 * latency from publish to subscriber, one event at a time; then sustained events per second through one session with
 * the heap sampled every second. Run with {@code java -jar benchmarks/target/benchmarks.jar events [seconds]}.
 */
public final class EventsBenchmark {
    private static final String CHANNEL = "/call2/company/42";
    private static final String TOKEN = "bench-feed-token";

    private EventsBenchmark() {}

    public static void run(int seconds, PrintStream out) throws InterruptedException {
        try (FakeFeed feed = FakeFeed.start(TOKEN, Duration.ofSeconds(10));
                FirmafonClient client = FirmafonClient.builder()
                        .baseUri(URI.create("http://127.0.0.1:1/api/v2"))
                        .auth(AuthStrategy.bearer(TOKEN))
                        .build()) {
            EventsClient events = EventsClient.create(
                    client, EventsSettings.defaults().withFeedUri(feed.uri()).withBuffer(1 << 16));
            latency(feed, events, out);
            throughput(feed, events, seconds, out);
        }
    }

    private static String event(long sentNanos) {
        return "{\"type\":\"call-event\",\"name\":\"call.ringing\",\"data\":{\"call_uuid\":\"" + sentNanos
                + "\",\"company_id\":\"42\",\"endpoint\":\"Reception#7\",\"from_number\":\"4571999999\"}}";
    }

    private static void latency(FakeFeed feed, EventsClient events, PrintStream out) throws InterruptedException {
        BlockingQueue<Long> arrived = new ArrayBlockingQueue<>(16);
        Disposable subscription = events.events(List.of(CHANNEL))
                .ofType(CallEvent.class)
                .subscribe(event -> arrived.offer(
                        System.nanoTime() - Long.parseLong(event.callUuid().orElse("0"))));
        // warm up (and wait for the session to be subscribed)
        for (int i = 0; i < 2_000; i++) {
            feed.publish(CHANNEL, event(System.nanoTime()));
            arrived.poll(2, TimeUnit.SECONDS);
        }
        Histogram latencies = new Histogram(1_000, 60_000_000_000L, 3);
        int samples = 5_000;
        for (int i = 0; i < samples; i++) {
            feed.publish(CHANNEL, event(System.nanoTime()));
            Long nanos = arrived.poll(5, TimeUnit.SECONDS);
            if (nanos != null) {
                latencies.recordValue(Math.max(1_000, nanos));
            }
        }
        subscription.dispose();
        out.printf(
                "publish -> subscriber, one at a time, %d events: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                latencies.getTotalCount(),
                latencies.getValueAtPercentile(50) / 1e6,
                latencies.getValueAtPercentile(99) / 1e6,
                latencies.getMaxValue() / 1e6);
    }

    private static void throughput(FakeFeed feed, EventsClient events, int seconds, PrintStream out)
            throws InterruptedException {
        AtomicLong received = new AtomicLong();
        Disposable subscription =
                events.events(List.of(CHANNEL)).ofType(CallEvent.class).subscribe(event -> received.incrementAndGet());
        Thread.sleep(500);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long published = 0;
        long start = System.nanoTime();
        long nextSample = start + TimeUnit.SECONDS.toNanos(1);
        long minHeap = Long.MAX_VALUE;
        long maxHeap = 0;
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            // publish ahead of what was received by at most 20,000, so the fake's queue stays bounded too
            if (published - received.get() < 20_000) {
                for (int i = 0; i < 100; i++) {
                    feed.publish(CHANNEL, event(published++));
                }
            } else {
                Thread.onSpinWait();
            }
            if (System.nanoTime() >= nextSample) {
                long used = memory.getHeapMemoryUsage().getUsed();
                minHeap = Math.min(minHeap, used);
                maxHeap = Math.max(maxHeap, used);
                nextSample += TimeUnit.SECONDS.toNanos(1);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        subscription.dispose();
        out.printf(
                "sustained through one session for %d s: %,.0f events/s received (%,d published, %,d received);"
                        + " heap used sampled each second: %d-%d MB%n",
                seconds,
                received.get() / elapsed,
                published,
                received.get(),
                minHeap / (1024 * 1024),
                maxHeap / (1024 * 1024));
    }
}
