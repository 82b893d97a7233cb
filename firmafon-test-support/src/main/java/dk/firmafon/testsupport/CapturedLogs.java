package dk.firmafon.testsupport;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SDK's own log lines ({@code dk.firmafon.*} loggers, DEBUG and up) as {@code "LEVEL message"}, for tests that
 * assert on logging. Clearing it does not affect the secrets guard, which keeps its own copy. Holds at most the
 * latest {@value #MAX_LINES} lines.
 */
public final class CapturedLogs {
    static final int MAX_LINES = 10_000;
    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ConcurrentLinkedQueue<String> WARNINGS = new ConcurrentLinkedQueue<>();

    private CapturedLogs() {}

    /** Every SDK line logged since the last {@link #clear()}, oldest first. */
    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    /**
     * Every WARN and ERROR line since the last {@link #clear()} of any logger but the test servers' (WireMock, Jetty,
     * the test proxy), as {@code "logger LEVEL message"}: what an application's log would show of the SDK and the
     * libraries under it (Reactor Netty, Netty). At most the latest {@value #MAX_LINES}.
     */
    public static List<String> warnings() {
        return List.copyOf(WARNINGS);
    }

    /** Forgets the lines logged so far. */
    public static void clear() {
        LINES.clear();
        COUNT.set(0);
        WARNINGS.clear();
    }

    static void warning(String line) {
        if (WARNINGS.size() < MAX_LINES) {
            WARNINGS.add(line);
        }
    }

    static void add(String line) {
        LINES.add(line);
        if (COUNT.incrementAndGet() > MAX_LINES && LINES.poll() != null) {
            COUNT.decrementAndGet();
        }
    }
}
