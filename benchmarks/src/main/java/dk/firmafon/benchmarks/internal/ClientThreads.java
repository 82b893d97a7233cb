package dk.firmafon.benchmarks.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bytes allocated and CPU time used by every live thread except the loopback server's, from HotSpot's per-thread
 * counters ({@code com.sun.management.ThreadMXBean}). CPU time per request is the figure least disturbed by other
 * processes on a shared machine; wall-clock throughput is the most.
 */
public final class ClientThreads {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Thread ids already seen, and whether each is a client thread: names are looked up once per thread. */
    private static final Map<Long, Boolean> CLIENT = new ConcurrentHashMap<>();

    private ClientThreads() {
    }

    /** What the client side has used so far. */
    public record Usage(long allocatedBytes, long cpuNanos) {
        Usage minus(Usage earlier) {
            return new Usage(allocatedBytes - earlier.allocatedBytes, cpuNanos - earlier.cpuNanos);
        }
    }

    public static Usage usage() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        long[] cpu = THREADS.getThreadCpuTime(ids);
        long allocated = 0;
        long cpuNanos = 0;
        for (int i = 0; i < ids.length; i++) {
            if (!CLIENT.computeIfAbsent(ids[i], ClientThreads::isClient)) {
                continue;
            }
            allocated += Math.max(0, bytes[i]);
            cpuNanos += Math.max(0, cpu[i]);
        }
        return new Usage(allocated, cpuNanos);
    }

    private static boolean isClient(long id) {
        ThreadInfo info = THREADS.getThreadInfo(id);
        return info != null && !info.getThreadName().startsWith(CallsServer.SERVER_THREAD_PREFIX);
    }
}
