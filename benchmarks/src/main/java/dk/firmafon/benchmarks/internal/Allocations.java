package dk.firmafon.benchmarks.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * Bytes allocated by every live thread except the loopback server's, from HotSpot's per-thread counters
 * ({@code com.sun.management.ThreadMXBean}).
 */
public final class Allocations {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    public static long clientThreads() {
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        long total = 0;
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && bytes[i] > 0 && !infos[i].getThreadName().startsWith(CallsServer.SERVER_THREAD_PREFIX)) {
                total += bytes[i];
            }
        }
        return total;
    }
}
