package dk.firmafon.contacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dk.firmafon.contacts.model.ContactDraft;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.core.support.Arguments;
import dk.firmafon.core.support.IdCursorListing;
import dk.firmafon.error.FirmafonDecodingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
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
    private static final String LIST_ENVELOPE = "contacts";
    /** Deliberately loose: one {@code @}, no spaces, a dot in the domain. The service does the real check. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private final FirmafonClient client;
    private final IdCursorListing<Contact> listing;

    private ContactsClient(FirmafonClient client) {
        this.client = client;
        this.listing =
                new IdCursorListing<>(client, LIST_ENVELOPE, Contact.class, "id_gt_or_eq", Contact::id, "contact");
    }

    /** A contacts client over {@code client} (which it shares, not owns). */
    public static ContactsClient create(FirmafonClient client) {
        return new ContactsClient(
                dk.firmafon.core.support.Arguments.required("client", client, "FirmafonClient.builder()...build()"));
    }

    /**
     * The contact for {@code number}: {@code GET /contacts?number=...}. The current API answers a list
     * ({@code {"contacts": [...]}}: the first contact is the answer, an empty list an empty {@code Mono}); the original
     * one answered {@code {"contact": {...}}}; both are read. (The reference also names a "get a contact by its phone
     * number" endpoint whose path it does not show; the filtered listing is the documented way.)
     */
    public Mono<Contact> lookup(@Nullable PhoneNumber number) {
        if (number == null) {
            return Mono.error(new IllegalArgumentException("number must not be null"));
        }
        ApiRequest request =
                ApiRequest.get("/contacts").withQuery("number", number.digits()).withQuery("limit", 1);
        return client.retrieveJson(request).flatMap(json -> {
            JsonNode found = json.path(LIST_ENVELOPE).isArray()
                    ? json.path(LIST_ENVELOPE).path(0)
                    : json.path(ENVELOPE);
            if (found.isMissingNode() || found.isNull()) {
                if (json.path(LIST_ENVELOPE).isArray()) {
                    return Mono.empty();
                }
                return Mono.error(new FirmafonDecodingException(
                        request + ": expected {\"contacts\": [...]} or " + "{\"contact\": {...}}, found neither",
                        null));
            }
            return Mono.fromCallable(() -> contact(request, found));
        });
    }

    private Contact contact(ApiRequest request, JsonNode node) {
        try {
            return client.objectMapper().treeToValue(node, Contact.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new FirmafonDecodingException(
                    request + ": could not decode the contact: "
                            + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()),
                    e);
        }
    }

    /**
     * Every contact the query selects, by ascending id, each exactly once, lazily: one page
     * ({@code GET /contacts?id_gt_or_eq=...}) is requested when the previous one has been consumed and more are
     * wanted. A server that ignores the cursor ends the listing with a {@link dk.firmafon.error.PagingException}.
     */
    public Flux<Contact> list(@Nullable ContactQuery query) {
        return pages(query, null);
    }

    /** As {@link #list(ContactQuery)}, resuming at {@code fromId} (a {@link ContactPage#nextId()}). */
    public Flux<Contact> list(@Nullable ContactQuery query, long fromId) {
        return pages(query, fromId);
    }

    private Flux<Contact> pages(@Nullable ContactQuery query, @Nullable Long fromId) {
        return listing.list(listRequest(query), fromId);
    }

    /**
     * One page: the first when {@code fromId} is null, else the contacts with an id of at least {@code fromId}.
     *
     * @return the page and where the next begins (empty after an empty page: the end)
     */
    public Mono<ContactPage> page(@Nullable ContactQuery query, @Nullable Long fromId) {
        return listing.page(listRequest(query), fromId).map(slice -> new ContactPage(slice.items(), slice.nextId()));
    }

    private static Mono<ApiRequest> listRequest(@Nullable ContactQuery query) {
        return Mono.fromCallable(() -> {
            ContactQuery checked = Arguments.required("query", query, "use ContactQuery.all()");
            checked.limit().ifPresent(limit -> Arguments.limit("query.limit", limit, ContactQuery.MAX_LIMIT));
            return ApiRequest.get("/contacts")
                    .withQuery(
                            "number", checked.number().map(PhoneNumber::digits).orElse(null))
                    .withQuery("limit", checked.limit().orElse(null));
        });
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
        return Arguments.idPath("/contacts", id);
    }

    /** The draft's fields as sent, validated and normalised; throws naming the field. */
    private static Map<String, Object> fields(@Nullable ContactDraft draft) {
        Arguments.required("draft", draft, "use ContactDraft.builder()");
        Map<String, Object> fields = new LinkedHashMap<>();
        draft.number()
                .ifPresent(number -> fields.put(
                        "number", PhoneNumber.of("draft.number", number).digits()));
        draft.name().ifPresent(name -> fields.put("name", Arguments.notBlank("draft.name", name)));
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
