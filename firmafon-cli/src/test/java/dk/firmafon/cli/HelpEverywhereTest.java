package dk.firmafon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command and subcommand of the tree answers {@code --help} and {@code -h} with its own usage (exit 0), and
 * {@code help <command> <subcommand>} shows the same; an unknown one is a one-line usage error.
 */
class HelpEverywhereTest {
    @TempDir
    Path home;

    /** Every path of the command tree, e.g. {@code [calls, list]}. */
    private static List<List<String>> tree(CommandLine command, List<String> path, List<List<String>> into) {
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            if (sub.getValue().getCommandSpec().aliases().length > 0
                    && !sub.getKey().equals(sub.getValue().getCommandName())) {
                continue; // an alias: the command itself is walked under its name
            }
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            into.add(next);
            tree(sub.getValue(), next, into);
        }
        return into;
    }

    @Test
    void everyCommandAndSubcommandTakesHelpAndDashHAndTheHelpCommandGoesAllTheWayDown() {
        List<List<String>> commands = tree(
                FirmafonCli.commandLine(new CliContext(Map.of(), home, uri -> false)), List.of(), new ArrayList<>());
        assertThat(commands).as("commands walked").hasSizeGreaterThan(30);
        for (List<String> command : commands) {
            String usage = "Usage: firmafon " + String.join(" ", command);
            for (String flag : new String[] {"--help", "-h"}) {
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                CliRun.Result result = CliRun.unconfigured(home).run(args.toArray(String[]::new));
                assertThat(result.exitCode())
                        .as(result.command() + "\n" + result.err())
                        .isZero();
                assertThat(result.out()).as(result.command()).contains(usage);
            }
            List<String> help = new ArrayList<>(List.of("help"));
            help.addAll(command);
            CliRun.Result result = CliRun.unconfigured(home).run(help.toArray(String[]::new));
            assertThat(result.exitCode())
                    .as(result.command() + "\n" + result.err())
                    .isZero();
            assertThat(result.out()).as(result.command()).contains(usage);
        }
        CliRun.Result unknown = CliRun.unconfigured(home).run("help", "calls", "nonsense");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.errLines()).singleElement().asString().contains("unknown command 'firmafon calls nonsense'");
    }

    @Test
    void theTopLevelHelpShowsEveryCommandsFirstLineWhole() {
        CliRun.Result help = CliRun.unconfigured(home).run("--help");
        String commands = help.out().substring(help.out().indexOf("Commands:"));
        assertThat(commands)
                .contains("api            Send any authenticated request and print the JSON body.")
                .doesNotContainPattern("(?m)e\\.g\\.$");
    }
}
