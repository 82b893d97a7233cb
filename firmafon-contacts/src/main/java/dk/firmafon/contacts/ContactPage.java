package dk.firmafon.contacts;

import dk.firmafon.core.model.Contact;
import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a contacts listing and where the next begins. The API pages contacts by an inclusive ascending id
 * cursor ({@code id_gt_or_eq}); {@link #nextId()} is one past the highest id of this page, or empty after the last
 * page. Store it to resume later with {@link ContactsClient#page(ContactQuery, Long)} or
 * {@link ContactsClient#list(ContactQuery, long)}.
 *
 * @param items the contacts of this page, by ascending id
 * @param nextId the {@code id_gt_or_eq} of the next page, or empty when there is none
 */
public record ContactPage(List<Contact> items, OptionalLong nextId) {
    /** A page of {@code items}; the list is copied. */
    public ContactPage {
        items = List.copyOf(items);
    }
}
