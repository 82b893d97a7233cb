package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /contacts}: lookup by number, create, get, update, delete; kept in memory. */
final class ContactsHandler {

    private static final String[] FIELDS = {"number", "name", "email"};

    private final FakeState state;

    ContactsHandler(FakeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get("/contacts", this::lookup)
                .post("/contacts", this::create)
                .get("/contacts/:id", this::get)
                .put("/contacts/:id", this::update)
                .delete("/contacts/:id", this::delete);
    }

    private Reply lookup(Exchange exchange) {
        String number = exchange.param("number").orElse("");
        if (number.isEmpty()) {
            throw HttpError.unprocessable("number", "can't be blank");
        }
        return state.contacts.values().stream()
                .filter(contact -> number.equals(contact.path("number").asText()))
                .findFirst()
                .map(contact -> Reply.ok("contact", contact))
                .orElseThrow(HttpError::notFound);
    }

    private ObjectNode contact(Exchange exchange) {
        ObjectNode contact = state.contacts.get(exchange.idParam("id"));
        if (contact == null) {
            throw HttpError.notFound();
        }
        return contact;
    }

    private Reply get(Exchange exchange) {
        return Reply.ok("contact", contact(exchange));
    }

    private Reply create(Exchange exchange) {
        ObjectNode contact = Json.object()
                .put("id", state.nextContactId)
                .putNull("number")
                .putNull("name")
                .putNull("email");
        apply(exchange, contact);
        if (contact.path("number").isNull()) {
            throw HttpError.unprocessable("number", "can't be blank");
        }
        state.contacts.put(state.nextContactId++, contact);
        return Reply.json(201, Json.envelope("contact", contact));
    }

    private Reply update(Exchange exchange) {
        ObjectNode changed = contact(exchange).deepCopy();
        apply(exchange, changed);
        if (changed.path("number").isNull()) {
            throw HttpError.unprocessable("number", "can't be blank");
        }
        state.contacts.put(changed.get("id").asLong(), changed);
        return Reply.ok("contact", changed);
    }

    private Reply delete(Exchange exchange) {
        state.contacts.remove(contact(exchange).get("id").asLong());
        return Reply.emptyOk();
    }

    /** Copies the given fields onto the contact, validating them: number digits only, email with an {@code @}. */
    private static void apply(Exchange exchange, ObjectNode contact) {
        for (String name : FIELDS) {
            exchange.field("contact", name).ifPresent(value -> contact.set(name, checked(name, value)));
        }
    }

    private static JsonNode checked(String name, JsonNode value) {
        if (value.isNull()) {
            return value;
        }
        if (!value.isTextual()) {
            throw HttpError.unprocessable(name, "must be a string");
        }
        String text = value.asText();
        if (name.equals("number") && !text.matches("\\d{3,15}")) {
            throw HttpError.unprocessable("number", "is not a phone number (digits with country code, no + or 00)");
        }
        if (name.equals("email") && !text.isEmpty() && !text.contains("@")) {
            throw HttpError.unprocessable("email", "is invalid");
        }
        return value;
    }
}
