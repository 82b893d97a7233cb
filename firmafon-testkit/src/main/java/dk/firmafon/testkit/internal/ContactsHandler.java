package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** {@code /contacts}: list (with the number filter and the id cursor), create, get, update, delete; in memory. */
final class ContactsHandler {

    private static final String[] FIELDS = {"number", "name", "email"};
    private static final int CONTACTS_DEFAULT_LIMIT = 10;

    private final FakeState state;

    ContactsHandler(FakeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get("/contacts", this::list)
                .post("/contacts", this::create)
                .get("/contacts/:id", this::get)
                .put("/contacts/:id", this::update)
                .delete("/contacts/:id", this::delete);
    }

    /**
     * {@code GET /contacts}: the company's contacts by ascending id, {@code limit} (default 10, at most 100),
     * {@code number} and the inclusive cursor {@code id_gt_or_eq}, as the current reference documents it.
     */
    private Reply list(Exchange exchange) {
        int limit = Listing.limit(exchange, CONTACTS_DEFAULT_LIMIT);
        String number = exchange.param("number").orElse(null);
        long from = exchange.param("id_gt_or_eq")
                .map(value -> {
                    try {
                        return Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw HttpError.unprocessable("id_gt_or_eq", "is not a number");
                    }
                })
                .orElse(Long.MIN_VALUE);
        ArrayNode page = Json.array();
        for (Map.Entry<Long, ObjectNode> entry : state.contacts.entrySet()) { // a TreeMap: ascending ids
            if (page.size() >= limit) {
                break;
            }
            ObjectNode contact = entry.getValue();
            if (entry.getKey() >= from
                    && (number == null || number.equals(contact.path("number").asText()))) {
                page.add(contact);
            }
        }
        return Reply.ok("contacts", page);
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
        return Reply.ok("contact", contact); // 200, as the current reference shows
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
        formatNumber(contact);
    }

    /** Sets {@code number_formatted} as the service does: a Danish number's eight digits in pairs. */
    static void formatNumber(ObjectNode contact) {
        String number = contact.path("number").asText("");
        if (number.isEmpty() || contact.path("number").isNull()) {
            contact.putNull("number_formatted");
        } else if (number.startsWith("45") && number.length() == 10) {
            contact.put(
                    "number_formatted",
                    number.substring(2, 4) + " " + number.substring(4, 6) + " " + number.substring(6, 8) + " "
                            + number.substring(8, 10));
        } else {
            contact.put("number_formatted", number);
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
