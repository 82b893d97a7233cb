package dk.firmafon.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.benchmarks.internal.Settings;
import dk.firmafon.benchmarks.internal.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The quick mode runs end to end and reports every row. It judges no number: the figures of a quick run on a
 * shared CI machine mean nothing.
 */
class BenchmarksQuickModeTest {

    @Test
    void quickModeCompletesAndReportsEveryRow() throws Exception {
        Path report = Path.of("target", "benchmark-results-quick.md");

        String markdown = Benchmarks.run(Settings.QUICK, report);

        assertThat(report).exists();
        assertThat(Files.readString(report)).isEqualTo(markdown);
        for (Workload workload : Workload.values()) {
            for (int concurrency : Settings.QUICK.concurrencies()) {
                String scenario = "| " + workload.label() + ", concurrency " + concurrency + " |";
                assertThat(markdown).contains(scenario);
                for (String contender :
                        new String[] {"SDK", "raw Reactor Netty", "Spring WebClient", "JDK HttpClient"}) {
                    assertThat(markdown).contains(scenario + " " + contender + " |");
                }
            }
        }
        assertThat(markdown)
                .contains("| " + Settings.QUICK.pagerCalls() + " | " + Settings.QUICK.pagerCalls() + " | yes |")
                .contains("| " + Settings.QUICK.authSubscribers() + " | ")
                .contains("| jacksonEnvelope |")
                .contains("| sdkDecodePath |");
    }
}
