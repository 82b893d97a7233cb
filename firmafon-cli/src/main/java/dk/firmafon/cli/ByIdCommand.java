package dk.firmafon.cli;

import picocli.CommandLine.Parameters;

/** A command about one resource, named by its numeric id as the first argument. */
abstract class ByIdCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    protected ByIdCommand(CliContext context) {
        super(context);
    }
}
