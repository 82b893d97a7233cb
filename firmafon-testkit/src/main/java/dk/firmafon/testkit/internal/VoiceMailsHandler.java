package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;

/** {@code /voice_mails}: list (inclusive {@code created_at_lt_or_eq} cursor), get, mark heard, delete, sound. */
final class VoiceMailsHandler {

    private final FakeState state;

    VoiceMailsHandler(FakeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get("/voice_mails", this::list)
                .get("/voice_mails/:id", exchange -> Reply.ok("voice_mail", state.voiceMail(exchange.idParam("id"))))
                .put("/voice_mails/:id", this::update)
                .delete("/voice_mails/:id", this::delete)
                .get("/voice_mails/:id/sound", this::sound);
    }

    private Reply list(Exchange exchange) {
        int limit = Listing.limit(exchange);
        Predicate<ObjectNode> filter = Listing.within(exchange, "created_at")
                .and(Listing.equal(exchange, "endpoint", "endpoint"))
                .and(Listing.equal(exchange, "number", "from_number"));
        return Reply.ok("voice_mails", Listing.page(state.voiceMails, filter, limit));
    }

    private Reply update(Exchange exchange) {
        ObjectNode voiceMail = state.voiceMail(exchange.idParam("id"));
        JsonNode heard = exchange.field("voice_mail", "heard").orElse(null);
        if (heard != null) {
            String text = heard.asText();
            if (!heard.isBoolean()
                    && !text.equals("true")
                    && !text.equals("false")
                    && !text.equals("1")
                    && !text.equals("0")) {
                throw HttpError.unprocessable("heard", "is not a boolean");
            }
            voiceMail.put("heard", heard.isBoolean() ? heard.booleanValue() : text.equals("true") || text.equals("1"));
        }
        return Reply.ok("voice_mail", voiceMail);
    }

    private Reply delete(Exchange exchange) {
        ObjectNode voiceMail = state.voiceMail(exchange.idParam("id"));
        state.voiceMails.remove(voiceMail);
        return Reply.emptyOk();
    }

    private Reply sound(Exchange exchange) {
        long id = state.voiceMail(exchange.idParam("id")).get("id").asLong();
        long size = state.soundSizes.get(id);
        return Reply.streamed("audio/mpeg", size, Sound.source(id, size));
    }
}
