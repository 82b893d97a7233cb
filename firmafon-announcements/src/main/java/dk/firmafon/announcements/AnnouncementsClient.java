package dk.firmafon.announcements;

import dk.firmafon.announcements.model.Announcement;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.support.Arguments;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Firmafon's system announcements for the authenticated user: list them and dismiss them.
 *
 * <p>Every method returns a cold publisher: nothing is sent before subscription, and bad arguments arrive as an
 * {@link IllegalArgumentException} naming the argument, without a request.
 */
public final class AnnouncementsClient {
    private final FirmafonClient client;

    private AnnouncementsClient(FirmafonClient client) {
        this.client = client;
    }

    /** A client over {@code client}'s connection, base URI and authentication. */
    public static AnnouncementsClient create(FirmafonClient client) {
        return new AnnouncementsClient(
                dk.firmafon.core.support.Arguments.required("client", client, "FirmafonClient.builder()...build()"));
    }

    /** The announcements the user has not dismissed yet ({@code GET /announcements}). */
    public Flux<Announcement> list() {
        return client.retrieveList(ApiRequest.get("/announcements"), "announcements", Announcement.class)
                .flatMapIterable(announcements -> announcements);
    }

    /**
     * Dismisses an announcement for the user ({@code POST /announcements/:id/mark_as_read}) and returns it; a
     * {@link dk.firmafon.error.NotFoundException} when there is none. Marking twice does no harm, so the request
     * is marked idempotent and the transport may retry it.
     */
    public Mono<Announcement> markAsRead(long id) {
        return Mono.defer(() -> client.retrieve(
                ApiRequest.post(Arguments.idPath("/announcements", id) + "/mark_as_read")
                        .withIdempotent(true),
                "announcement",
                Announcement.class));
    }
}
