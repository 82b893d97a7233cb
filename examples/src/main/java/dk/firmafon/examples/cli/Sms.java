package dk.firmafon.examples.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments of the commands that send an SMS: the text, and the confirmation that it costs money. */
final class Sms {
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The message.")
    java.util.List<String> words = new java.util.ArrayList<>();

    @Option(names = "--yes", description = "Confirm the send: SMS messages cost money and are never retried.")
    boolean confirmed;

    /** The message text; refuses to go on without {@code --yes}. */
    String text() {
        if (!confirmed) {
            throw new IllegalArgumentException("sending an SMS costs money: add --yes to send it");
        }
        return String.join(" ", words);
    }
}
