package dk.firmafon.contacts;

import com.fasterxml.jackson.databind.node.NullNode;
import dk.firmafon.contacts.model.ContactDraft;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.model.PhoneNumber;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Contacts: extra facts (name, e-mail) about phone numbers, shown as the {@code from_contact} / {@code to_contact}
 * of calls and voice mails.
 *
 * <pre>{@code
 * ContactsClient contacts = ContactsClient.create(firmafonClient);
 * contacts.lookup("4520304050").map(Contact::name)...
 * contacts.create(ContactDraft.builder().number("+45 20 30 40 50").name("Ida Iversen").build())...
 * }</pre>
 *
 * <p>Every method is cold and never throws: bad arguments arrive as an {@link IllegalArgumentException} naming the
 * argument, before anything is sent. A create is a POST and is therefore never retried automatically.
 */
public final class ContactsClient {
    private static final String ENVELOPE = "contact";
    /** Deliberately loose: one {@code @}, no spaces, a dot in the domain. The service does the real check. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private final FirmafonClient client;

    private ContactsClient(FirmafonClient client) {
        this.client = client;
    }

    /** A contacts client over {@code client} (which it shares, not owns). */
    public static ContactsClient create(FirmafonClient client) {
        return new ContactsClient(Objects.requireNonNull(client, "client"));
    }

    /** The contact for {@code number} ({@code GET /contacts?number=...}). */
    public Mono<Contact> lookup(@Nullable PhoneNumber number) {
        if (number == null) {
            return Mono.error(new IllegalArgumentException("number must not be null"));
        }
        return client.retrieve(
                ApiRequest.get("/contacts").withQuery("number", number.digits()), ENVELOPE, Contact.class);
    }

    /**
     * The contact for {@code number}, given as text and normalised like {@link PhoneNumber#of(String)}
     * ({@code "+45 20 30 40 50"} is looked up as {@code 4520304050}).
     */
    public Mono<Contact> lookup(@Nullable String number) {
        return Mono.defer(() -> lookup(PhoneNumber.of("number", number)));
    }

    /** Creates a contact ({@code POST /contacts}); the draft must have a number. */
    public Mono<Contact> create(@Nullable ContactDraft draft) {
        return Mono.defer(() -> {
            Map<String, Object> fields = fields(draft);
            if (draft.clearName() || draft.clearEmail()) {
                return Mono.error(new IllegalArgumentException("draft.clearName and draft.clearEmail apply to "
                        + "update only: leave the field unset to create a contact without it"));
            }
            if (!fields.containsKey("number")) {
                return Mono.error(new IllegalArgumentException("draft.number is required to create a contact"));
            }
            return client.retrieve(
                    ApiRequest.post("/contacts").withBody(Map.of(ENVELOPE, fields)), ENVELOPE, Contact.class);
        });
    }

    /** The contact with {@code id} ({@code GET /contacts/:id}). */
    public Mono<Contact> get(long id) {
        return Mono.defer(() -> client.retrieve(ApiRequest.get(path(id)), ENVELOPE, Contact.class));
    }

    /**
     * Changes the fields set in {@code draft}, leaving the others as they are ({@code PUT /contacts/:id}); a field
     * marked {@link ContactDraft#clearEmail() clearEmail} / {@link ContactDraft#clearName() clearName} is sent as
     * {@code null}, which removes it.
     */
    public Mono<Contact> update(long id, @Nullable ContactDraft draft) {
        return Mono.defer(() -> {
            String path = path(id);
            Map<String, Object> fields = fields(draft);
            if (fields.isEmpty()) {
                return Mono.error(new IllegalArgumentException(
                        "draft must set at least one of number, name, email, clearName, clearEmail"));
            }
            return client.retrieve(ApiRequest.put(path).withBody(Map.of(ENVELOPE, fields)), ENVELOPE, Contact.class);
        });
    }

    /** Deletes the contact with {@code id} ({@code DELETE /contacts/:id}). */
    public Mono<Void> delete(long id) {
        return Mono.defer(() -> client.execute(ApiRequest.delete(path(id))));
    }

    private static String path(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive, was " + id);
        }
        return "/contacts/" + ApiRequest.pathSegment(Long.toString(id));
    }

    /** The draft's fields as sent, validated and normalised; throws naming the field. */
    private static Map<String, Object> fields(@Nullable ContactDraft draft) {
        if (draft == null) {
            throw new IllegalArgumentException("draft must not be null");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        draft.number()
                .ifPresent(number -> fields.put(
                        "number", PhoneNumber.of("draft.number", number).digits()));
        draft.name().ifPresent(name -> {
            if (name.isBlank()) {
                throw new IllegalArgumentException("draft.name must not be blank when set");
            }
            fields.put("name", name.strip());
        });
        draft.email().ifPresent(email -> {
            if (!EMAIL.matcher(email.strip()).matches()) {
                throw new IllegalArgumentException("draft.email must look like name@example.org, was '" + email + "'");
            }
            fields.put("email", email.strip());
        });
        if (draft.clearName()) {
            fields.put("name", NullNode.getInstance());
        }
        if (draft.clearEmail()) {
            fields.put("email", NullNode.getInstance());
        }
        return fields;
    }
}
