package dk.firmafon.benchmarks.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bytes allocated and CPU time used by every live thread except the loopback server's, from HotSpot's per-thread
 * counters ({@code com.sun.management.ThreadMXBean}). CPU time per request is the figure least disturbed by other
 * processes on a shared machine; wall-clock throughput is the most.
 *
 * <p>Counters are kept per thread, and an interval counts, for each thread alive at its end, what the thread used
 * since the interval began (or since it started). A thread that ended inside the interval takes its counters with
 * it: what it used is missing, never subtracted (summing the totals instead once made the JDK client, whose
 * completion threads come and go, show a negative allocation per request).
 */
public final class ClientThreads {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Thread ids already seen, and whether each is a client thread: names are looked up once per thread. */
    private static final Map<Long, Boolean> CLIENT = new ConcurrentHashMap<>();

    private ClientThreads() {}

    /** What the client side used in an interval. */
    public record Usage(long allocatedBytes, long cpuNanos) {}

    /** The client threads' counters at one moment, by thread id. */
    public static final class Snapshot {
        /** The counters of a thread that did not exist yet. */
        private static final long[] NOTHING = {0, 0};

        private final Map<Long, long[]> counters;

        private Snapshot(Map<Long, long[]> counters) {
            this.counters = counters;
        }

        /** What the threads alive now used since {@code earlier} (all of it, for a thread started since). */
        public Usage since(Snapshot earlier) {
            long allocated = 0;
            long cpu = 0;
            for (Map.Entry<Long, long[]> thread : counters.entrySet()) {
                long[] now = thread.getValue();
                long[] before = earlier.counters.getOrDefault(thread.getKey(), NOTHING);
                allocated += Math.max(0, now[0] - before[0]);
                cpu += Math.max(0, now[1] - before[1]);
            }
            return new Usage(allocated, cpu);
        }
    }

    public static Snapshot snapshot() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        long[] cpu = THREADS.getThreadCpuTime(ids);
        Map<Long, long[]> counters = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0 && cpu[i] >= 0 && CLIENT.computeIfAbsent(ids[i], ClientThreads::isClient)) {
                counters.put(ids[i], new long[] {bytes[i], cpu[i]});
            }
        }
        return new Snapshot(counters);
    }

    private static boolean isClient(long id) {
        ThreadInfo info = THREADS.getThreadInfo(id);
        return info != null && !info.getThreadName().startsWith(CallsServer.SERVER_THREAD_PREFIX);
    }
}
