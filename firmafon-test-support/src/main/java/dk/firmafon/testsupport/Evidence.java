package dk.firmafon.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every log line and exception message captured since the last check, and the secrets found in them. Lock-free, so
 * it is safe on event-loop threads. Text is kept until the next check of the test class (so a secret registered
 * late in the class is still found); past {@link #SCAN_BATCH} pending items the oldest are scanned at once and
 * dropped, which bounds memory in long tests.
 */
final class Evidence {
    static final int SCAN_BATCH = 20_000;
    private static final int MAX_FINDINGS = 50;

    /** One captured text and where it was seen (never containing the text itself). */
    record Item(String where, String text) {}

    private static final ConcurrentLinkedQueue<Item> PENDING = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger PENDING_COUNT = new AtomicInteger();
    private static final Set<String> FINDINGS = Collections.synchronizedSet(new LinkedHashSet<>());

    private Evidence() {}

    /** Captures one log line. */
    static void logLine(String logger, String level, String thread, String text) {
        add(new Item("a log line (" + level + ") of logger " + logger + " on thread " + thread, text));
    }

    /** Captures the messages of {@code error}, its causes and suppressed exceptions. */
    static void throwable(String where, Throwable error) {
        add(new Item(where + " (" + error.getClass().getName() + ")", messages(error)));
    }

    private static void add(Item item) {
        PENDING.add(item);
        if (PENDING_COUNT.incrementAndGet() > SCAN_BATCH) {
            scan(SCAN_BATCH / 2);
        }
    }

    /** Scans every pending item against the registered secrets and returns the findings since the last call. */
    static List<String> takeFindings() {
        scan(Integer.MAX_VALUE);
        synchronized (FINDINGS) {
            List<String> findings = new ArrayList<>(FINDINGS);
            FINDINGS.clear();
            return findings;
        }
    }

    private static void scan(int max) {
        List<Secrets.Needle> needles = Secrets.needles();
        Item item;
        for (int i = 0; i < max && (item = PENDING.poll()) != null; i++) {
            PENDING_COUNT.decrementAndGet();
            for (Secrets.Needle needle : needles) {
                if (item.text().contains(needle.text()) && FINDINGS.size() < MAX_FINDINGS) {
                    FINDINGS.add(needle.name() + " was seen in " + item.where());
                }
            }
        }
    }

    /** {@code toString()} of a throwable and of every cause and suppressed exception, one per line. */
    static String messages(Throwable error) {
        StringBuilder text = new StringBuilder();
        append(error, text, Collections.newSetFromMap(new IdentityHashMap<>()));
        return text.toString();
    }

    private static void append(Throwable error, StringBuilder text, Set<Throwable> seen) {
        if (!seen.add(error)) {
            return;
        }
        try {
            text.append(error).append('\n');
        } catch (RuntimeException e) {
            text.append(error.getClass().getName())
                    .append(" (toString() failed: ")
                    .append(e)
                    .append(")\n");
        }
        for (Throwable suppressed : error.getSuppressed()) {
            append(suppressed, text, seen);
        }
        if (error.getCause() != null) {
            append(error.getCause(), text, seen);
        }
    }
}
