package dk.firmafon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With nothing configured, the CLI runs against the testkit's fake on loopback: the newcomer's first command. */
class EmbeddedDefaultTest {
    @TempDir
    Path home;

    @Test
    void callsListWithNothingConfiguredPrintsCallsFromTheEmbeddedFakeAndSaysSoOnStderr() {
        CliRun.Result result = CliRun.unconfigured(home).run("calls", "list", "--max", "10");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).as(result.toString()).hasSize(11);
        assertThat(result.lines().get(0)).startsWith("STARTED").contains("DIRECTION", "STATUS", "CALL UUID");
        assertThat(result.lines().get(1)).contains("incoming");
        assertThat(result.err()).contains("embedded fake Firmafon at http://127.0.0.1:");
    }

    @Test
    void aStoredTokenIsUsedInsteadOfTheEmbeddedFake() {
        CliRun run = CliRun.unconfigured(home);
        new TokenFile(run.tokenFile())
                .write(new TokenFile.Stored("stored-token", java.net.URI.create("http://127.0.0.1:9/api/v2")));

        CliRun.Result result = run.run("employees", "me");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).doesNotContain("embedded").contains("127.0.0.1:9");
        assertThat(result.errLines()).hasSize(1);
    }
}
