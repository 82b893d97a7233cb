package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.testkit.SentMessage;
import java.util.List;

/** Sending an SMS ({@code message[body]}), shared by employees and groups: recorded, never sent. */
final class Sms {

    private Sms() {}

    static Reply send(FakeState state, Exchange exchange, String target, List<String> recipients) {
        String body = exchange.field("message", "body")
                .filter(v -> !v.isNull())
                .map(JsonNode::asText)
                .orElse("");
        if (body.isBlank()) {
            throw HttpError.unprocessable("body", "can't be blank");
        }
        if (state.employee(state.currentEmployeeId).path("in_trial").asBoolean()) {
            throw HttpError.unprocessable("message", "can't be sent while the company is in trial");
        }
        state.messages.add(new SentMessage(target, recipients, body));
        return Reply.ok(Json.object().put("sent", true));
    }
}
