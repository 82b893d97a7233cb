package dk.firmafon.contacts.model;

import dk.firmafon.core.model.PhoneNumber;
import java.util.Optional;
import org.immutables.value.Value;
import dk.firmafon.core.model.FirmafonModel;

/**
 * The fields of a contact to create or update. Only the fields that are set are sent: an update leaves the others
 * unchanged. The client validates a draft before sending it (see {@link dk.firmafon.contacts.ContactsClient}).
 *
 * <pre>{@code
 * ContactDraft draft = ContactDraft.builder().number("+45 20 30 40 50").name("Ida Iversen").build();
 * }</pre>
 */
@Value.Immutable
@FirmafonModel
public abstract class ContactDraft {

    /** The number as given; the client normalises it ({@code +45 20 30 40 50} is sent as {@code 4520304050}). */
    public abstract Optional<String> number();

    public abstract Optional<String> name();

    public abstract Optional<String> email();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ContactDraft}. */
    public static final class Builder extends ImmutableContactDraft.Builder {
        /** Sets the number from an already parsed {@link PhoneNumber}. */
        public Builder number(PhoneNumber number) {
            return number(number.digits());
        }
    }
}
