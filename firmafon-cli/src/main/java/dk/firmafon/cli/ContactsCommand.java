package dk.firmafon.cli;

import dk.firmafon.contacts.ContactQuery;
import dk.firmafon.contacts.ContactsClient;
import dk.firmafon.contacts.model.ContactDraft;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.model.PhoneNumber;
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
            ContactsCommand.List.class,
            ContactsCommand.Lookup.class,
            ContactsCommand.Create.class,
            ContactsCommand.Get.class,
            ContactsCommand.Update.class,
            ContactsCommand.Delete.class
        })
final class ContactsCommand {
    static final Table<Contact> TABLE = Table.<Contact>builder()
            .column("ID", 8, Contact::id)
            .column("NUMBER", 14, Contact::number)
            .column("FORMATTED", 14, Contact::numberFormatted)
            .column("NAME", 24, Contact::name)
            .column("EMAIL", 30, Contact::email)
            .build();

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

    @Command(name = "list", description = "The company's contacts, by ascending id.")
    static final class List extends CliCommand {
        @Mixin
        ListOptions listing = new ListOptions();

        @Option(names = "--number", paramLabel = "NUMBER", description = "Only contacts with this number.")
        Optional<String> number = Optional.empty();

        @Option(
                names = "--page-size",
                paramLabel = "N",
                description = "Contacts per request, 1 to 100 (default: the API's, 10).")
        Optional<Integer> pageSize = Optional.empty();

        List(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            ContactQuery query = ContactQuery.builder()
                    .number(number.map(text -> PhoneNumber.of("--number", text)))
                    .limit(pageSize)
                    .build();
            output().list(contacts(context).list(query), TABLE, listing.max());
            return ExitCodes.OK;
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
            Optional<Contact> found = contacts(context).lookup(number).blockOptional(WAIT);
            if (found.isEmpty()) {
                // personal data: the error output shows the number only down to its last two digits
                String digits = PhoneNumber.of("NUMBER", number).digits();
                err().println("no contact has the number "
                        + "*".repeat(Math.max(0, digits.length() - 2))
                        + digits.substring(Math.max(0, digits.length() - 2)));
                err().flush();
                return ExitCodes.FAILURE;
            }
            output().record(found.get());
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
            contacts(context).delete(id).block(WAIT);
            output().done("deleted contact " + id);
            return ExitCodes.OK;
        }
    }
}
