package dk.firmafon.benchmarks.internal;

import dk.firmafon.calls.CallsClient;
import dk.firmafon.core.FirmafonClient;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Streams the whole call history through {@link CallsClient#list()} in a JVM of its own with a small heap, to show
 * that the pager holds one page at a time. {@link #main} runs in that child JVM; {@link #run} launches it.
 */
public final class PagerHeapCheck {
    public static final String HEAP = "64m";
    private static final String RESULT = "RESULT ";

    private PagerHeapCheck() {}

    /** What the child JVM reported. */
    public record Result(
            boolean succeeded, long calls, long expected, long millis, long peakHeapBytes, String detail) {}

    /** Launches {@code java -Xmx64m} on this class path against {@code baseUri}, expecting {@code expected} calls. */
    public static Result run(URI baseUri, long expected, Duration timeout) throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        File log = File.createTempFile("pager-heap-check", ".log");
        log.deleteOnExit();
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx" + HEAP,
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PagerHeapCheck.class.getName(),
                        baseUri.toString(),
                        Long.toString(expected))
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            return new Result(false, 0, expected, timeout.toMillis(), 0, "timed out");
        }
        List<String> lines = Files.readAllLines(log.toPath(), StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.startsWith(RESULT)) {
                String[] fields = line.substring(RESULT.length()).split(" ");
                long calls = Long.parseLong(fields[0]);
                return new Result(
                        child.exitValue() == 0 && calls == expected,
                        calls,
                        expected,
                        Long.parseLong(fields[1]),
                        Long.parseLong(fields[2]),
                        "exit " + child.exitValue());
            }
        }
        String tail = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        return new Result(false, 0, expected, 0, 0, "exit " + child.exitValue() + ": " + tail);
    }

    public static void main(String[] args) {
        URI baseUri = URI.create(args[0]);
        long expected = Long.parseLong(args[1]);
        long start = System.nanoTime();
        Long calls;
        try (FirmafonClient client = SdkContender.client(baseUri)) {
            calls = CallsClient.create(client).list().count().block(Duration.ofMinutes(10));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(RESULT + (calls == null ? 0 : calls) + " " + millis + " " + peak);
        System.exit(calls != null && calls == expected ? 0 : 1);
    }
}
