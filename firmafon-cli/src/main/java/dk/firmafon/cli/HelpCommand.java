package dk.firmafon.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code firmafon help [COMMAND [SUBCOMMAND ...]]}: the help of any command of the tree, however deep
 * ({@code firmafon help calls list}); picocli's own help command goes one level down only.
 */
@Command(name = "help", helpCommand = true, description = "Show the help of a command, e.g. firmafon help calls list.")
final class HelpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, and its subcommands, to explain.")
    List<String> names = List.of();

    @Override
    public void run() {
        CommandLine target = spec.commandLine().getParent();
        StringBuilder path = new StringBuilder(target.getCommandName());
        for (String name : names) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                throw new IllegalArgumentException("unknown command '" + path + " " + name + "': '" + path + "' has "
                        + (target.getSubcommands().isEmpty()
                                ? "no subcommands"
                                : String.join(", ", target.getSubcommands().keySet())));
            }
            target = next;
            path.append(' ').append(name);
        }
        PrintWriter out = spec.commandLine().getOut();
        target.usage(out);
        out.flush();
    }
}
