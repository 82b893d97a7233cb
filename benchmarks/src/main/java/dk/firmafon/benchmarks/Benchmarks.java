package dk.firmafon.benchmarks;

import dk.firmafon.benchmarks.internal.HeadToHead;
import dk.firmafon.benchmarks.internal.Report;
import dk.firmafon.benchmarks.internal.Settings;
import dk.firmafon.benchmarks.internal.Suite;
import dk.firmafon.benchmarks.internal.SuiteResult;
import dk.firmafon.benchmarks.internal.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs the comparison and writes its Markdown report.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar full [report.md]    # a few minutes
 * java -jar benchmarks/target/benchmarks.jar quick [report.md]   # under a minute, numbers meaningless
 * java -jar benchmarks/target/benchmarks.jar focus get|page &lt;concurrency&gt; [rounds] [sdk|raw|both|timeout]
 *                                                                 # SDK against raw only, one scenario, for profiling
 * java -jar benchmarks/target/benchmarks.jar startup [runs]         # cold JVM to the first decoded call, vs JDK
 * java -jar benchmarks/target/benchmarks.jar events [seconds]      # live events: latency, then sustained rate
 * java -Xmx64m -jar benchmarks/target/benchmarks.jar export [calls] [delayMillis]   # history export at latency
 * </pre>
 */
public final class Benchmarks {
    private Benchmarks() {}

    public static void main(String[] args) throws IOException, InterruptedException, RunnerException {
        String mode = args.length > 0 ? args[0] : "quick";
        if ("export".equals(mode)) {
            dk.firmafon.benchmarks.internal.ExportBenchmark.run(
                    args.length > 1 ? Long.parseLong(args[1]) : 100_000,
                    java.time.Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 20),
                    System.out);
            System.exit(0);
        }
        if ("startup".equals(mode)) {
            dk.firmafon.benchmarks.internal.StartupBenchmark.run(
                    args.length > 1 ? Integer.parseInt(args[1]) : 10, System.out);
            System.exit(0);
        }
        if ("events".equals(mode)) {
            dk.firmafon.benchmarks.internal.EventsBenchmark.run(
                    args.length > 1 ? Integer.parseInt(args[1]) : 20, System.out);
            System.exit(0);
        }
        if ("focus".equals(mode)) {
            Workload workload = args.length > 1 && "page".equals(args[1]) ? Workload.NEWEST_PAGE : Workload.GET_CALL;
            int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 1;
            int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
            HeadToHead.run(workload, concurrency, rounds, args.length > 4 ? args[4] : "both", System.out);
            System.exit(0);
        }
        Path report = Path.of(args.length > 1 ? args[1] : "benchmark-results-" + mode + ".md");
        String markdown = run(Settings.named(mode), report);
        System.out.println(markdown);
        System.out.println("written to " + report.toAbsolutePath());
        System.exit(0);
    }

    /** Runs in {@code settings} and writes the report to {@code report}; returns it. */
    public static String run(Settings settings, Path report) throws IOException, InterruptedException, RunnerException {
        SuiteResult result = new Suite(settings, System.out).run();
        String markdown = Report.markdown(result);
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(report, markdown, StandardCharsets.UTF_8);
        return markdown;
    }
}
