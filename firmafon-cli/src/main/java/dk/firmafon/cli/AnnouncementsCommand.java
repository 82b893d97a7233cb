package dk.firmafon.cli;

import dk.firmafon.announcements.AnnouncementsClient;
import dk.firmafon.announcements.model.Announcement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code firmafon announcements ...}. */
@Command(
        name = "announcements",
        description = "System news from Firmafon, shown until dismissed.",
        subcommands = {AnnouncementsCommand.ListAnnouncements.class, AnnouncementsCommand.Read.class})
final class AnnouncementsCommand {
    static final Table<Announcement> TABLE = Table.<Announcement>builder()
            .column("ID", 6, Announcement::id)
            .column("TITLE", 40, Announcement::title)
            .column("BODY", 60, Announcement::body)
            .build();

    private static AnnouncementsClient announcements(CliContext context) {
        return context.connection().firmafon().announcements();
    }

    @Command(name = "list", description = "Unread announcements.")
    static final class ListAnnouncements extends CliCommand {
        @Mixin
        ListOptions listing = new ListOptions();

        ListAnnouncements(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().list(announcements(context).list(), TABLE, listing.max());
            return ExitCodes.OK;
        }
    }

    @Command(name = "read", description = "Mark an announcement as read (dismiss it).")
    static final class Read extends ByIdCommand {
        Read(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(announcements(context).markAsRead(id)));
            return ExitCodes.OK;
        }
    }
}
