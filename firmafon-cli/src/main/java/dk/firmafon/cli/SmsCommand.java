package dk.firmafon.cli;

import dk.firmafon.employees.model.MessageResult;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A command that sends an SMS to the resource with the given id: {@code ID TEXT... --yes}. SMS messages cost money
 * and the SDK never retries them, so the CLI sends nothing without {@code --yes}.
 */
abstract class SmsCommand extends ByIdCommand {
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The message.")
    List<String> words = new ArrayList<>();

    @Option(names = "--yes", description = "Confirm the send: SMS messages cost money and are never retried.")
    boolean confirmed;

    protected SmsCommand(CliContext context) {
        super(context);
    }

    /** The message text; refuses to go on without {@code --yes}. */
    protected String text() {
        if (!confirmed) {
            throw new IllegalArgumentException("sending an SMS costs money: add --yes to send it");
        }
        return String.join(" ", words);
    }

    /** Prints the outcome; a send the service refused is a failure (exit 1). */
    protected int report(MessageResult result, String recipient) {
        if (!result.sent()) {
            throw new IllegalStateException("the service did not send the message to " + recipient);
        }
        output().done("message sent to " + recipient);
        return ExitCodes.OK;
    }
}
