package dk.firmafon.cli;

import dk.firmafon.calls.CallRecordingsClient;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code firmafon recordings ...}. */
@Command(
        name = "recordings",
        description = "Call recordings: metadata and the sound.",
        subcommands = {RecordingsCommand.Get.class, RecordingsCommand.Download.class})
final class RecordingsCommand {
    private static CallRecordingsClient recordings(CliContext context) {
        return context.connection().firmafon().callRecordings();
    }

    @Command(name = "get", description = "A call recording's metadata by id.")
    static final class Get extends ByIdCommand {
        Get(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(recordings(context).get(id)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "download", description = "Save a call recording's sound to a file (streamed, never held whole).")
    static final class Download extends ByIdCommand {
        @Option(
                names = {"-o", "--file"},
                paramLabel = "FILE",
                description = "Default: recording-ID.mp3.")
        Optional<Path> file = Optional.empty();

        Download(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            Path target = file.orElse(Path.of("recording-" + id + ".mp3"));
            long bytes = Downloads.save(recordings(context).download(id), target, progress(), "recording " + id);
            output().done("saved " + bytes + " bytes to " + target);
            return ExitCodes.OK;
        }
    }
}
