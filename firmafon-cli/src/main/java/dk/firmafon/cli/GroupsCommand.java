package dk.firmafon.cli;

import dk.firmafon.employees.EmployeeGroupsClient;
import dk.firmafon.employees.model.EmployeeGroup;
import dk.firmafon.employees.model.EmployeeGroupDraft;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code firmafon groups ...}. */
@Command(
        name = "groups",
        description = "Employee groups: list, create, update, members, join, leave, SMS to all members.",
        subcommands = {
            GroupsCommand.ListGroups.class,
            GroupsCommand.Get.class,
            GroupsCommand.Create.class,
            GroupsCommand.Update.class,
            GroupsCommand.Members.class,
            GroupsCommand.Join.class,
            GroupsCommand.Leave.class,
            GroupsCommand.Message.class
        })
final class GroupsCommand {
    static final Table<EmployeeGroup> TABLE = Table.<EmployeeGroup>builder()
            .column("ID", 8, EmployeeGroup::id)
            .column("NAME", 24, EmployeeGroup::name)
            .column("PRESENCE", 14, EmployeeGroup::livePresence)
            .column("MEMBERS", 30, EmployeeGroup::employeeIds)
            .build();

    private static EmployeeGroupsClient groups(CliContext context) {
        return context.connection().firmafon().employeeGroups();
    }

    @Command(name = "list", description = "Every employee group.")
    static final class ListGroups extends CliCommand {
        @Mixin
        ListOptions listing = new ListOptions();

        ListGroups(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().list(groups(context).list(), TABLE, listing.max());
            return ExitCodes.OK;
        }
    }

    /** The fields {@code create} and {@code update} send. */
    static final class DraftFields {
        @Option(names = "--name", paramLabel = "NAME", description = "The group's name.")
        Optional<String> name = Optional.empty();

        @Option(
                names = "--members",
                paramLabel = "ID",
                split = ",",
                description = "The members' employee ids (replaces them all).")
        @Nullable
        List<Long> members;

        EmployeeGroupDraft draft() {
            return EmployeeGroupDraft.builder()
                    .name(name)
                    .employeeIds(Optional.ofNullable(members))
                    .build();
        }
    }

    @Command(name = "create", description = "Create a group (--name is required; admins only).")
    static final class Create extends CliCommand {
        @Mixin
        DraftFields fields = new DraftFields();

        Create(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(groups(context).create(fields.draft())));
            return ExitCodes.OK;
        }
    }

    @Command(name = "update", description = "Rename a group or replace its members (admins only).")
    static final class Update extends ByIdCommand {
        @Mixin
        DraftFields fields = new DraftFields();

        Update(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(groups(context).update(id, fields.draft())));
            return ExitCodes.OK;
        }
    }

    @Command(name = "get", description = "A group by id.")
    static final class Get extends ByIdCommand {
        Get(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(groups(context).get(id)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "members", description = "The employees in a group.")
    static final class Members extends ByIdCommand {
        @Mixin
        ListOptions listing = new ListOptions();

        Members(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().list(groups(context).members(id), EmployeesCommand.TABLE, listing.max());
            return ExitCodes.OK;
        }
    }

    @Command(name = "join", description = "Join a group (you, the token's employee).")
    static final class Join extends ByIdCommand {
        Join(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(groups(context).join(id)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "leave", description = "Leave a group.")
    static final class Leave extends ByIdCommand {
        Leave(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(groups(context).leave(id)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "message", description = "Send an SMS to every member (costs money; needs --yes).")
    static final class Message extends SmsCommand {
        Message(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            String text = text();
            return report(await(groups(context).sendMessage(id, text)), "group " + id);
        }
    }
}
