package dk.firmafon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user gets it: {@code target/firmafon/bin/firmafon} run as its own process, with no Maven
 * and no test classpath, in a clean environment (no {@code FIRMAFON_*}, a home of its own). Runs in the
 * {@code verify} phase, after {@code package} built the distribution.
 */
class DistributionTest {
    private static final Path DIST = Path.of(System.getProperty("basedir", ".")).resolve("target/firmafon");
    private static final Path BIN = DIST.resolve("bin/firmafon");

    @TempDir
    Path home;

    record Run(int exitCode, String out, String err, long millis) {}

    private Run run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    private Run run(List<String> command, Map<String, String> extra) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("FIRMAFON_") || name.equals("XDG_CONFIG_HOME"));
        env.putAll(extra);
        env.keySet().removeIf(name -> name.toUpperCase(java.util.Locale.ROOT).endsWith("_PROXY"));
        env.put("HOME", home.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!ended) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within 120 s");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err), millis);
    }

    private Run firmafon(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(BIN.toString());
        command.addAll(List.of(args));
        return run(command);
    }

    @Test
    void theDistributionHasItsLauncherLibrariesAndArchives() {
        assertThat(BIN).isExecutable();
        assertThat(DIST.resolve("bin/firmafon.bat")).isRegularFile();
        assertThat(DIST.resolve("lib")).isDirectoryContaining("glob:**/firmafon-cli-*.jar");
        assertThat(DIST.resolve("lib")).isDirectoryContaining("glob:**/picocli-*.jar");
        assertThat(DIST.resolveSibling("firmafon.zip")).isRegularFile();
        assertThat(DIST.resolveSibling("firmafon.tar.gz")).isRegularFile();
    }

    @Test
    void helpIsCompleteAndItsStartIsMeasured() throws Exception {
        Run help = firmafon("--help");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out())
                .contains("Usage: firmafon")
                .contains("--output=FORMAT")
                .contains("--profile=NAME")
                .contains("--proxy=URL")
                .contains("completion")
                .contains("config");
        // measured, not judged here (a busy CI machine is no benchmark): BENCHMARKS.md records the numbers
        System.out.println("firmafon --help took " + help.millis() + " ms (process start to exit)");
    }

    @Test
    void versionIsTheBuilds() throws Exception {
        Properties built = new Properties();
        try (InputStream in = FirmafonCli.class.getResourceAsStream("version.properties")) {
            built.load(in);
        }
        assertThat(built.getProperty("version")).doesNotContain("${");
        Run version = firmafon("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("firmafon " + built.getProperty("version"));
    }

    @Test
    void withNothingConfiguredItListsCallsFromTheEmbeddedFake() throws Exception {
        Run list = firmafon("calls", "list", "--max", "3");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines().toList()).hasSize(4).first().asString().startsWith("STARTED");
        assertThat(list.err()).contains("embedded fake Firmafon").doesNotContain("listed");
    }

    @Test
    void csvColumnsComeFromTheModelNotFromTheFirstRow() throws Exception {
        Run csv = firmafon("calls", "list", "--max", "50", "--output", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        List<String> header =
                List.of(csv.out().lines().findFirst().orElseThrow().split(","));
        assertThat(header)
                .contains(
                        "call_uuid", "started_at", "answered_at", "answered_by", "from_contact", "ended_at", "status");
        assertThat(csv.out().lines().count()).isEqualTo(51);
    }

    @Test
    void helpWorksOnSubcommandsAsAProcess() throws Exception {
        for (List<String> args : List.of(
                List.of("calls", "list", "--help"), List.of("calls", "list", "-h"), List.of("help", "calls", "list"))) {
            List<String> command = new ArrayList<>(List.of(BIN.toString()));
            command.addAll(args);
            Run help = run(command);
            assertThat(help.exitCode()).as(args + ": " + help.err()).isZero();
            assertThat(help.out())
                    .as(args.toString())
                    .contains("Usage: firmafon calls list")
                    .contains("--after");
        }
    }

    @Test
    void timesTakeADateALocalTimeOrAnOffsetAndABadOneIsOneLineNamingTheForms() throws Exception {
        for (String time :
                List.of("2025-06-02", "2025-06-02T14:30", "2025-06-02T14:30:00+02:00", "2025-06-02T12:00Z")) {
            Run ok = firmafon("calls", "list", "--max", "1", "--after", time);
            assertThat(ok.exitCode()).as(time + ": " + ok.err()).isZero();
        }
        Run bad = firmafon("calls", "list", "--after", "yesterday");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err().lines().toList())
                .singleElement()
                .asString()
                .contains("--after")
                .contains("'yesterday' is not a time")
                .contains("2025-06-02T14:30:00+02:00")
                .doesNotContain("Exception");
    }

    @Test
    void aRefusedTokenPrintsNoHeaderAndSaysWhatToFix() throws Exception {
        try (dk.firmafon.testkit.FakeFirmafon fake = dk.firmafon.testkit.FakeFirmafon.start()) {
            Run refused = run(
                    List.of(BIN.toString(), "calls", "list", "--max", "3"),
                    Map.of("FIRMAFON_BASE_URL", fake.baseUri().toString(), "FIRMAFON_TOKEN", "not-the-token-at-all"));
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
            assertThat(refused.out()).as("nothing on stdout").isEmpty();
            assertThat(refused.err())
                    .contains("401")
                    .doesNotContain("401 Unauthorized: 401 Unauthorized")
                    .contains("FIRMAFON_TOKEN")
                    .contains("firmafon auth login");
        }
    }

    @Test
    void theErrorOutputCarriesNoPersonalDataEvenWithDebug() throws Exception {
        String number = dk.firmafon.testsupport.TestPersonalData.NUMBER;
        String echo = "{\"error\":\"no contact with number " + number + "\",\"contact\":{\"name\":\""
                + dk.firmafon.testsupport.TestPersonalData.NAME + "\",\"email\":\""
                + dk.firmafon.testsupport.TestPersonalData.EMAIL + "\"}}";
        try (dk.firmafon.testkit.FakeFirmafon fake = dk.firmafon.testkit.FakeFirmafon.start()) {
            Map<String, String> env =
                    Map.of("FIRMAFON_BASE_URL", fake.baseUri().toString(), "FIRMAFON_TOKEN", fake.accessToken());
            fake.faults().answer("GET", "/contacts", 10, 500, "application/json", echo);
            Run failed = run(
                    List.of(
                            BIN.toString(),
                            "--debug",
                            "contacts",
                            "lookup",
                            dk.firmafon.testsupport.TestPersonalData.NUMBER_AS_TYPED),
                    env);
            fake.reset();
            Run unknown = run(List.of(BIN.toString(), "contacts", "lookup", number), env);

            assertThat(failed.exitCode()).isNotZero();
            assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(unknown.err()).contains("no contact has the number ********42");
            for (Run run : List.of(failed, unknown)) {
                assertThat(run.err() + run.out())
                        .doesNotContain(number)
                        .doesNotContain(number.substring(2))
                        .doesNotContain(dk.firmafon.testsupport.TestPersonalData.NAME)
                        .doesNotContain(dk.firmafon.testsupport.TestPersonalData.EMAIL);
            }
            assertThat(failed.err()).contains("500").contains("number=********42");
        }
    }

    @Test
    void aUsageErrorAndAMissingProfileExitWith2() throws Exception {
        Run missing = firmafon("calls", "get");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("Missing required parameter");
        Run profile = firmafon("--profile", "nowhere", "calls", "list");
        assertThat(profile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(profile.err()).contains("no profile 'nowhere'");
    }

    @Test
    void theBashCompletionScriptLoadsAndCompletesTheCommands() throws Exception {
        Run completion = run(List.of(
                "bash",
                "-c",
                "source <(\"$0\" completion bash) && complete -p firmafon"
                        + " && COMP_WORDS=(firmafon ca) COMP_CWORD=1 && _complete_firmafon && echo \"${COMPREPLY[@]}\"",
                BIN.toString()));
        assertThat(completion.exitCode()).as(completion.err()).isZero();
        assertThat(completion.out()).contains("-F _complete_firmafon firmafon").contains("calls");
        Run zsh = firmafon("completion", "zsh");
        assertThat(zsh.out()).startsWith("autoload -U +X compinit").contains("bashcompinit");
    }

    @Test
    void progressIsShownOnATerminalAndNeverInAPipe() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script (a pseudo-terminal) is needed");
        Run onTerminal = run(List.of(
                "/usr/bin/script",
                "-qec",
                "'" + BIN + "' calls list --max 60",
                home.resolve("typescript").toString()));
        assertThat(onTerminal.exitCode()).as(onTerminal.err()).isZero();
        assertThat(onTerminal.out()).contains("listed").contains("items");

        Run piped = firmafon("calls", "list", "--max", "60");
        assertThat(piped.exitCode()).isZero();
        assertThat(piped.err() + piped.out()).doesNotContain("listed");

        Run json = run(List.of(
                "/usr/bin/script",
                "-qec",
                "'" + BIN + "' calls list --max 60 --json",
                home.resolve("typescript2").toString()));
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).doesNotContain("listed");
        assertThat(new String(Files.readAllBytes(home.resolve("typescript")), StandardCharsets.UTF_8))
                .contains("listed");

        // a download: bytes against the size the server declared (so a percentage and a time left), and the rate
        Path sound = home.resolve("message.mp3");
        Run download = run(List.of(
                "/usr/bin/script",
                "-qec",
                "'" + BIN + "' voicemails download 5040 -o '" + sound + "'",
                home.resolve("typescript3").toString()));
        assertThat(download.exitCode()).as(download.out()).isZero();
        assertThat(download.out()).contains("voice mail 5040").contains("100%").contains("KiB/s");
        assertThat(sound).isNotEmptyFile();
        Run quiet = firmafon(
                "voicemails",
                "download",
                "5040",
                "-o",
                home.resolve("again.mp3").toString());
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.err() + quiet.out()).doesNotContain("KiB/s").doesNotContain("%");
    }
}
