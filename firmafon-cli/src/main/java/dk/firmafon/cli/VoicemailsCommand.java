package dk.firmafon.cli;

import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.voicemails.VoiceMailQuery;
import dk.firmafon.voicemails.VoiceMailsClient;
import dk.firmafon.voicemails.model.VoiceMail;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code firmafon voicemails ...}. */
@Command(
        name = "voicemails",
        description = "Voice mails: list, read, mark heard, delete, download the recording.",
        subcommands = {
            VoicemailsCommand.List.class,
            VoicemailsCommand.Get.class,
            VoicemailsCommand.Heard.class,
            VoicemailsCommand.Delete.class,
            VoicemailsCommand.Download.class
        })
final class VoicemailsCommand {
    static final Table<VoiceMail> TABLE = Table.<VoiceMail>builder()
            .column("ID", 8, VoiceMail::id)
            .column("CREATED", 19, VoiceMail::createdAt)
            .column("FROM", 14, VoiceMail::fromNumber)
            .column("FROM CONTACT", 20, mail -> mail.fromContact().flatMap(contact -> contact.name()))
            .column("FOR", 22, VoiceMail::endpointName)
            .column("SECONDS", 7, VoiceMail::duration)
            .column("HEARD", 5, mail -> mail.heard() ? "yes" : "no")
            .build();

    private static VoiceMailsClient voiceMails(CliContext context) {
        return context.connection().firmafon().voiceMails();
    }

    @Command(name = "list", description = "Voice mails, newest first.")
    static final class List extends CliCommand {
        @Mixin
        ListOptions listing = new ListOptions();

        @Option(
                names = "--endpoint",
                paramLabel = "ENDPOINT",
                description = "Only for this endpoint, e.g. Employee#12.")
        Optional<String> endpoint = Optional.empty();

        @Option(names = "--number", paramLabel = "NUMBER", description = "Only from this number.")
        Optional<String> number = Optional.empty();

        @Option(
                names = "--before",
                paramLabel = "TIME",
                description = "Only created at or before this time, e.g. 2026-11-29T10:00:00+01:00.")
        Optional<OffsetDateTime> before = Optional.empty();

        List(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            VoiceMailQuery query = VoiceMailQuery.builder()
                    .endpoint(endpoint.map(Endpoint::parse))
                    .number(number.map(text -> PhoneNumber.of("--number", text)))
                    .createdAtOrBefore(before.map(OffsetDateTime::toInstant))
                    .build();
            output().list(voiceMails(context).list(query), TABLE, listing.max());
            return ExitCodes.OK;
        }
    }

    @Command(name = "get", description = "A voice mail by id.")
    static final class Get extends ByIdCommand {
        Get(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(voiceMails(context).get(id)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "heard", description = "Mark a voice mail heard (or, with --unheard, not heard).")
    static final class Heard extends ByIdCommand {
        @Option(names = "--unheard", description = "Mark it not heard instead.")
        boolean unheard;

        Heard(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            VoiceMailsClient voiceMails = voiceMails(context);
            output().record(await(unheard ? voiceMails.markUnheard(id) : voiceMails.markHeard(id)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", description = "Delete a voice mail.")
    static final class Delete extends ByIdCommand {
        Delete(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            voiceMails(context).delete(id).block(WAIT);
            output().done("deleted voice mail " + id);
            return ExitCodes.OK;
        }
    }

    @Command(name = "download", description = "Save a voice mail's recording to a file (streamed, never held whole).")
    static final class Download extends ByIdCommand {
        @Option(
                names = {"-o", "--file"},
                paramLabel = "FILE",
                description = "Default: voicemail-ID.mp3.")
        Optional<Path> file = Optional.empty();

        Download(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            Path target = file.orElse(Path.of("voicemail-" + id + ".mp3"));
            long bytes = Downloads.save(voiceMails(context).download(id), target, progress(), "voice mail " + id);
            output().done("saved " + bytes + " bytes to " + target);
            return ExitCodes.OK;
        }
    }
}
