package dk.firmafon.examples.cli;

import dk.firmafon.contacts.ContactsClient;
import dk.firmafon.contacts.model.ContactDraft;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code firmafon contacts ...}. */
@Command(
        name = "contacts",
        description = "Contacts: names and e-mails for phone numbers.",
        subcommands = {
            ContactsCommand.Lookup.class,
            ContactsCommand.Create.class,
            ContactsCommand.Get.class,
            ContactsCommand.Update.class,
            ContactsCommand.Delete.class
        })
final class ContactsCommand {

    private static ContactsClient contacts(CliContext context) {
        return context.connection().firmafon().contacts();
    }

    /** The fields a create or update sends. */
    static final class Fields {
        @Option(
                names = "--number",
                paramLabel = "NUMBER",
                description = "Phone number, e.g. 4571999999 or +45 71 99 99 99.")
        Optional<String> number = Optional.empty();

        @Option(names = "--name", paramLabel = "NAME")
        Optional<String> name = Optional.empty();

        @Option(names = "--email", paramLabel = "EMAIL")
        Optional<String> email = Optional.empty();

        @Option(names = "--clear-name", description = "Remove the contact's name (update only).")
        boolean clearName;

        @Option(names = "--clear-email", description = "Remove the contact's e-mail (update only).")
        boolean clearEmail;

        ContactDraft draft() {
            return ContactDraft.builder()
                    .number(number)
                    .name(name)
                    .email(email)
                    .clearName(clearName)
                    .clearEmail(clearEmail)
                    .build();
        }
    }

    @Command(name = "lookup", description = "The contact for a phone number.")
    static final class Lookup extends CliCommand {
        @Parameters(paramLabel = "NUMBER")
        String number = "";

        Lookup(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(contacts(context).lookup(number)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "create", description = "Create a contact (--number is required).")
    static final class Create extends CliCommand {
        @Mixin
        Fields fields = new Fields();

        Create(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(contacts(context).create(fields.draft())));
            return ExitCodes.OK;
        }
    }

    @Command(name = "get", description = "A contact by id.")
    static final class Get extends ByIdCommand {
        Get(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(contacts(context).get(id)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "update", description = "Change the given fields of a contact.")
    static final class Update extends ByIdCommand {
        @Mixin
        Fields fields = new Fields();

        Update(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(contacts(context).update(id, fields.draft())));
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", description = "Delete a contact.")
    static final class Delete extends ByIdCommand {
        Delete(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            contacts(context).delete(id).block();
            output().done("deleted contact " + id);
            return ExitCodes.OK;
        }
    }
}
