package dk.firmafon.cli;

import dk.firmafon.employees.EmployeesClient;
import dk.firmafon.employees.model.Employee;
import dk.firmafon.employees.model.EmployeeUpdate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code firmafon employees ...}. */
@Command(
        name = "employees",
        description = "Employees: who you are, colleagues, do-not-disturb, SMS.",
        subcommands = {
            EmployeesCommand.Me.class,
            EmployeesCommand.ListEmployees.class,
            EmployeesCommand.Get.class,
            EmployeesCommand.Update.class,
            EmployeesCommand.UpdateMe.class,
            EmployeesCommand.Message.class
        })
final class EmployeesCommand {
    static final Table<Employee> TABLE = Table.<Employee>builder()
            .column("ID", 8, Employee::id)
            .column("NAME", 24, Employee::name)
            .column("NUMBER", 14, Employee::number)
            .column("PRESENCE", 14, Employee::livePresence)
            .column("DND", 3, employee -> employee.doNotDisturb() ? "yes" : "no")
            .column("GROUPS", 20, Employee::employeeGroupIds)
            .build();

    private static EmployeesClient employees(CliContext context) {
        return context.connection().firmafon().employees();
    }

    @Command(name = "me", description = "The employee the token belongs to.")
    static final class Me extends CliCommand {
        Me(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(employees(context).me()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Colleagues, ordered by first name.")
    static final class ListEmployees extends CliCommand {
        @Mixin
        ListOptions listing = new ListOptions();

        ListEmployees(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().list(employees(context).list(), TABLE, listing.max());
            return ExitCodes.OK;
        }
    }

    @Command(name = "get", description = "An employee by id.")
    static final class Get extends ByIdCommand {
        Get(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(employees(context).get(id)));
            return ExitCodes.OK;
        }
    }

    /** The fields {@code update} and {@code update-me} send. */
    static final class UpdateFields {
        @Option(names = "--dnd", paramLabel = "true|false", arity = "1", description = "Do not disturb.")
        Optional<Boolean> doNotDisturb = Optional.empty();

        @Option(
                names = "--dnd-until",
                paramLabel = "TIME",
                description = "When do-not-disturb ends, e.g. 2026-11-29T17:00:00+01:00.")
        Optional<OffsetDateTime> dndTimeoutAt = Optional.empty();

        @Option(
                names = "--clear-dnd-until",
                description = "Remove the do-not-disturb end time: it stays on until switched off.")
        boolean clearDndTimeoutAt;

        @Option(
                names = "--groups",
                paramLabel = "ID",
                split = ",",
                description = "The employee's group ids (replaces them all).")
        @Nullable
        List<Long> groupIds;

        EmployeeUpdate update() {
            return EmployeeUpdate.builder()
                    .doNotDisturb(doNotDisturb)
                    .dndTimeoutAt(dndTimeoutAt)
                    .clearDndTimeoutAt(clearDndTimeoutAt)
                    .employeeGroupIds(Optional.ofNullable(groupIds))
                    .build();
        }
    }

    @Command(name = "update", description = "Change do-not-disturb or group membership (groups need admin rights).")
    static final class Update extends ByIdCommand {
        @Mixin
        UpdateFields fields = new UpdateFields();

        Update(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(employees(context).update(id, fields.update())));
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "update-me",
            description = "Change your own do-not-disturb or group membership (groups need admin rights).")
    static final class UpdateMe extends CliCommand {
        @Mixin
        UpdateFields fields = new UpdateFields();

        UpdateMe(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(employees(context).updateMe(fields.update())));
            return ExitCodes.OK;
        }
    }

    @Command(name = "message", description = "Send an SMS to an employee (costs money; needs --yes).")
    static final class Message extends SmsCommand {
        Message(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            String text = text();
            return report(await(employees(context).sendMessage(id, text)), "employee " + id);
        }
    }
}
