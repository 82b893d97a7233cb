package dk.firmafon.cli;

import dk.firmafon.testkit.FakeFirmafon;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI the way picocli recommends testing it: {@code CommandLine.execute} with {@link StringWriter}s for
 * stdout and stderr, an environment map instead of the process environment, and a home directory of the test's own.
 */
final class CliRun {
    private final Map<String, String> env = new HashMap<>();
    private final Path home;
    private Browser browser = uri -> false;
    private Writer out = new StringWriter();

    private CliRun(Path home) {
        this.home = home;
        env.put(Settings.TOKEN_FILE, home.resolve("config/firmafon/token.json").toString());
    }

    /** A run with nothing configured: the CLI's embedded default. */
    static CliRun unconfigured(Path home) {
        return new CliRun(home);
    }

    /** A run against {@code fake} with its access token. */
    static CliRun against(FakeFirmafon fake, Path home) {
        return new CliRun(home)
                .env(Settings.BASE_URL, fake.baseUri().toString())
                .env(Settings.TOKEN, fake.accessToken());
    }

    CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRun without(String name) {
        env.remove(name);
        return this;
    }

    CliRun browser(Browser browser) {
        this.browser = browser;
        return this;
    }

    /** Where stdout goes (to watch it while the command runs); its {@code toString()} is the result's out. */
    CliRun out(Writer out) {
        this.out = out;
        return this;
    }

    Path tokenFile() {
        return Path.of(env.get(Settings.TOKEN_FILE));
    }

    Result run(String... args) {
        StringWriter err = new StringWriter();
        var commandLine = FirmafonCli.commandLine(new CliContext(env, home, browser));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(String.join(" ", Arrays.asList(args)), exitCode, out.toString(), err.toString());
    }

    /** What a run printed and returned. */
    record Result(String command, int exitCode, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }

        @Override
        public String toString() {
            return "firmafon " + command + " -> exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
