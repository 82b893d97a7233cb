package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;

/** {@code /receptions} and {@code /receptions/:id}. */
final class ReceptionsHandler {

    private final FakeState state;

    ReceptionsHandler(FakeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get(
                        "/receptions",
                        exchange -> Reply.ok("receptions", Json.array(new ArrayList<>(state.receptions.values()))))
                .get("/receptions/:id", this::get);
    }

    private Reply get(Exchange exchange) {
        ObjectNode reception = state.receptions.get(exchange.idParam("id"));
        if (reception == null) {
            throw HttpError.notFound();
        }
        return Reply.ok("reception", reception);
    }
}
