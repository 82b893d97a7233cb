package dk.firmafon.examples.cli;

import dk.firmafon.employees.ReceptionsClient;
import dk.firmafon.employees.model.Reception;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code firmafon receptions ...}. */
@Command(
        name = "receptions",
        description = "Receptions: the company's incoming numbers.",
        subcommands = {ReceptionsCommand.ListReceptions.class, ReceptionsCommand.Get.class})
final class ReceptionsCommand {
    static final Table<Reception> TABLE = Table.<Reception>builder()
            .column("ID", 8, Reception::id)
            .column("NAME", 28, Reception::name)
            .column("NUMBER", 14, Reception::phoneNumber)
            .column("ENDPOINT", 16, Reception::endpoint)
            .build();

    private static ReceptionsClient receptions(CliContext context) {
        return context.connection().firmafon().receptions();
    }

    @Command(name = "list", description = "Every reception.")
    static final class ListReceptions extends CliCommand {
        @Mixin
        ListOptions listing = new ListOptions();

        ListReceptions(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().list(receptions(context).list(), TABLE, listing.max());
            return ExitCodes.OK;
        }
    }

    @Command(name = "get", description = "A reception by id.")
    static final class Get extends ByIdCommand {
        Get(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(receptions(context).get(id)));
            return ExitCodes.OK;
        }
    }
}
