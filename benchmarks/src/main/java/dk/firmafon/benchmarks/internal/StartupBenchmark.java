package dk.firmafon.benchmarks.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up as a user meets it: a cold JVM, from the moment the process is started to the first decoded call, for the
 * SDK and for the JDK's {@code HttpClient} with Jackson ({@link StartupProbe}), against one loopback server in this
 * JVM, runs interleaved. Reports medians of the whole (process start to the first result read from its output),
 * of {@code build()} and of build-to-first-call inside the process, and the classes loaded.
 */
public final class StartupBenchmark {
    private StartupBenchmark() {}

    public static void run(int runs, PrintStream out) throws IOException, InterruptedException {
        try (CallsServer server = new CallsServer(1_000)) {
            String java = ProcessHandle.current().info().command().orElse("java");
            String classPath = System.getProperty("java.class.path");
            List<long[]> sdk = new ArrayList<>();
            List<long[]> jdk = new ArrayList<>();
            probe(java, classPath, "sdk", server); // warm the page cache for the jars, not measured
            probe(java, classPath, "jdk", server);
            for (int i = 0; i < runs; i++) {
                boolean sdkFirst = i % 2 == 0;
                (sdkFirst ? sdk : jdk).add(probe(java, classPath, sdkFirst ? "sdk" : "jdk", server));
                (sdkFirst ? jdk : sdk).add(probe(java, classPath, sdkFirst ? "jdk" : "sdk", server));
            }
            out.printf("Start-up, cold JVM to the first decoded call (%d runs each, medians, interleaved)%n", runs);
            out.println("| | process start to first result | build() | build to first call | classes loaded |");
            out.println("|---|---|---|---|---|");
            row(out, "JDK HttpClient + Jackson", jdk);
            row(out, "SDK", sdk);
            out.printf("SDK / JDK, process start to first result: %.2f%n", (double) median(sdk, 0) / median(jdk, 0));
        }
    }

    /** {wall ns, build ns, first ns, classes}. */
    private static long[] probe(String java, String classPath, String kind, CallsServer server)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        classPath,
                        StartupProbe.class.getName(),
                        kind,
                        server.baseUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("FIRST ")) {
                    long wall = System.nanoTime() - start;
                    String[] parts = line.split(" ");
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                    return new long[] {
                        wall,
                        Long.parseLong(parts[1]),
                        Long.parseLong(parts[2]) - Long.parseLong(parts[1]),
                        Long.parseLong(parts[3])
                    };
                }
            }
        } finally {
            process.destroyForcibly();
        }
        throw new IllegalStateException("the " + kind + " probe printed no result");
    }

    private static void row(PrintStream out, String name, List<long[]> runs) {
        out.printf(
                "| %s | %d ms | %d ms | %d ms | %d |%n",
                name,
                median(runs, 0) / 1_000_000,
                median(runs, 1) / 1_000_000,
                median(runs, 2) / 1_000_000,
                median(runs, 3));
    }

    private static long median(List<long[]> runs, int column) {
        List<Long> values = new ArrayList<>();
        for (long[] run : runs) {
            values.add(run[column]);
        }
        Collections.sort(values);
        return values.get(values.size() / 2);
    }
}
