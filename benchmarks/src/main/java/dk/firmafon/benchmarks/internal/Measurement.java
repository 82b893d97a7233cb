package dk.firmafon.benchmarks.internal;

import org.HdrHistogram.Histogram;

/** What one contender did in one scenario, summed over the measured rounds. Latencies in nanoseconds. */
public final class Measurement {
    private final Histogram latencies = new Histogram(1_000, 60_000_000_000L, 3);
    private long requests;
    private long calls;
    private long nanos;
    private long allocatedBytes;
    private long cpuNanos;

    void add(Histogram roundLatencies, long roundRequests, long roundCalls, long roundNanos, ClientThreads.Usage used) {
        latencies.add(roundLatencies);
        requests += roundRequests;
        calls += roundCalls;
        nanos += roundNanos;
        allocatedBytes += used.allocatedBytes();
        cpuNanos += used.cpuNanos();
    }

    public long requests() {
        return requests;
    }

    public double requestsPerSecond() {
        return nanos == 0 ? 0 : requests * 1e9 / nanos;
    }

    public double callsPerSecond() {
        return nanos == 0 ? 0 : calls * 1e9 / nanos;
    }

    public double p50Micros() {
        return latencies.getValueAtPercentile(50) / 1e3;
    }

    public double p99Micros() {
        return latencies.getValueAtPercentile(99) / 1e3;
    }

    public double bytesPerRequest() {
        return requests == 0 ? 0 : (double) allocatedBytes / requests;
    }

    /** CPU time of the client-side threads per request. */
    public double cpuMicrosPerRequest() {
        return requests == 0 ? 0 : cpuNanos / 1e3 / requests;
    }
}
