package dk.firmafon.core.support;

import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.internal.PageWalk;
import dk.firmafon.error.FirmafonDecodingException;
import dk.firmafon.error.PagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The list/page pair of a resource the API pages by an inclusive ascending id cursor (such as contacts,
 * {@code id_gt_or_eq}): {@link #page} fetches one page and says where the next begins; {@link #list} walks the pages
 * lazily, one request when the previous page has been consumed and more are wanted, each item exactly once. Items
 * below the cursor are dropped (a server that honours the cursor never sends them); a page holding nothing at or
 * above it ends the listing with a {@link PagingException} instead of asking for the same page forever.
 *
 * @param <T> the listed model
 */
public final class IdCursorListing<T> {
    /** One page and the cursor of the next ({@code nextId} empty after the last page). */
    public record Slice<T>(List<T> items, OptionalLong nextId) {}

    private final FirmafonClient client;
    private final String envelopeKey;
    private final Class<T> type;
    private final String cursorParameter;
    private final Function<T, Optional<Long>> id;
    private final String noun;

    /**
     * @param envelopeKey the array's key, e.g. {@code contacts}
     * @param cursorParameter the inclusive lower bound, e.g. {@code id_gt_or_eq}
     * @param id an item's id
     * @param noun what an item is called in errors, e.g. {@code contact}
     */
    public IdCursorListing(
            FirmafonClient client,
            String envelopeKey,
            Class<T> type,
            String cursorParameter,
            Function<T, Optional<Long>> id,
            String noun) {
        this.client = client;
        this.envelopeKey = envelopeKey;
        this.type = type;
        this.cursorParameter = cursorParameter;
        this.id = id;
        this.noun = noun;
    }

    /**
     * Every item from {@code fromId} on (from the first when null), lazily and one page ahead of the consumer (see
     * {@link PageWalk}). {@code request} is the listing with its filters and page size, checked by the caller.
     */
    public Flux<T> list(Mono<ApiRequest> request, @Nullable Long fromId) {
        return PageWalk.walk(
                fromId,
                (Long at) -> page(request, at),
                Slice::items,
                page -> page.nextId().isPresent() ? page.nextId().getAsLong() : null);
    }

    /** One page: the first when {@code fromId} is null, else the items with an id of at least {@code fromId}. */
    public Mono<Slice<T>> page(Mono<ApiRequest> request, @Nullable Long fromId) {
        return request.flatMap(listing -> {
            if (fromId != null) {
                Arguments.positiveId("fromId", fromId);
            }
            ApiRequest sent = listing.withQuery(cursorParameter, fromId);
            return client.retrieveList(sent, envelopeKey, type).map(items -> slice(sent, fromId, items));
        });
    }

    private Slice<T> slice(ApiRequest request, @Nullable Long fromId, List<T> items) {
        List<T> fresh = new ArrayList<>(items.size());
        long highest = fromId == null ? 0 : fromId - 1;
        for (T item : items) {
            long itemId = id.apply(item)
                    .orElseThrow(() -> new FirmafonDecodingException(
                            request + ": a listed " + noun + " has no id, so the listing cannot page past it", null));
            if (fromId != null && itemId < fromId) {
                continue; // not asked for: a server that honours the cursor never sends it
            }
            fresh.add(item);
            highest = Math.max(highest, itemId);
        }
        if (items.isEmpty()) {
            return new Slice<>(List.of(), OptionalLong.empty());
        }
        if (fresh.isEmpty()) {
            throw new PagingException(
                    "listing " + envelopeKey + " (" + request.path() + ") cannot go on: the server ignored the cursor "
                            + cursorParameter + "=" + fromId + "; the page asked for holds " + items.size() + " "
                            + noun + "s, none with an id of at least " + fromId,
                    cursorParameter,
                    String.valueOf(fromId));
        }
        return new Slice<>(
                List.copyOf(fresh), highest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(highest + 1));
    }
}
