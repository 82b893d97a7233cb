package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Collectors;

/** {@code /announcements}: shown until dismissed with {@code mark_as_read}. */
final class AnnouncementsHandler {

    private final FakeState state;

    AnnouncementsHandler(FakeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get("/announcements", this::list).post("/announcements/:id/mark_as_read", this::markAsRead);
    }

    private Reply list(Exchange exchange) {
        return Reply.ok(
                "announcements",
                Json.array(state.announcements.values().stream()
                        .filter(a ->
                                !state.readAnnouncements.contains(a.get("id").asLong()))
                        .collect(Collectors.toList())));
    }

    private Reply markAsRead(Exchange exchange) {
        long id = exchange.idParam("id");
        ObjectNode announcement = state.announcements.get(id);
        if (announcement == null) {
            throw HttpError.notFound();
        }
        state.readAnnouncements.add(id);
        return Reply.ok("announcement", announcement);
    }
}
