package dk.firmafon.contacts.model;

import dk.firmafon.core.model.FirmafonModel;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.core.support.Arguments;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The fields of a contact to create or update. Only the fields that are set are sent: an update leaves the others
 * unchanged, and removes the name or e-mail only when asked to with {@link #clearName()} / {@link #clearEmail()}.
 * The client validates a draft before sending it (see {@link dk.firmafon.contacts.ContactsClient}).
 *
 * <pre>{@code
 * ContactDraft draft = ContactDraft.builder().number("+45 20 30 40 50").name("Ida Iversen").build();
 * ContactDraft forgetEmail = ContactDraft.builder().clearEmail(true).build(); // for update: sends "email": null
 * }</pre>
 */
@Value.Immutable
@FirmafonModel
public abstract class ContactDraft {
    ContactDraft() {}

    /** The number as given; the client normalises it ({@code +45 20 30 40 50} is sent as {@code 4520304050}). */
    public abstract Optional<String> number();

    public abstract Optional<String> name();

    public abstract Optional<String> email();

    /** Removes the contact's name ({@code "name": null}); for an update only, and not together with {@link #name()}. */
    @Value.Default
    public boolean clearName() {
        return false;
    }

    /** Removes the contact's e-mail ({@code "email": null}); for an update only, and not with {@link #email()}. */
    @Value.Default
    public boolean clearEmail() {
        return false;
    }

    /** A field cannot be both set and cleared. */
    @Value.Check
    protected void check() {
        Arguments.setOrClear("draft", "name", name().isPresent(), clearName());
        Arguments.setOrClear("draft", "email", email().isPresent(), clearEmail());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ContactDraft}. */
    public static final class Builder extends ImmutableContactDraft.Builder {
        Builder() {}

        /** Sets the number from an already parsed {@link PhoneNumber}. */
        public Builder number(PhoneNumber number) {
            return number(number.digits());
        }
    }
}
