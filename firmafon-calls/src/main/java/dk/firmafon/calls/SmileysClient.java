package dk.firmafon.calls;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.calls.model.Smiley;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.support.Arguments;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Smileys: the feedback callers and chat visitors give after contacting a reception (needs Switch; a company
 * without it is refused with a {@link dk.firmafon.error.ForbiddenException} naming the product).
 *
 * <p>Evidence: the Relatel reference ({@code dev.relatel.dk/api-v2/reference/smiley}) documents the smiley's
 * fields and names two operations, "Get smileys" and "Get smiley statistics", without showing their paths,
 * parameters or the statistics' shape. The paths used here follow the API's Rails conventions, and are inferred:
 * {@code GET /smileys} answering {@code {"smileys": [...]}}, with {@code endpoint} and {@code limit} as the other
 * listings take them, and {@code GET /smileys/statistics}, whose answer is returned as the JSON document it is.
 */
public final class SmileysClient {
    private final FirmafonClient client;

    private SmileysClient(FirmafonClient client) {
        this.client = client;
    }

    /** A smileys client over {@code client} (which it shares, not owns). */
    public static SmileysClient create(FirmafonClient client) {
        return new SmileysClient(
                dk.firmafon.core.support.Arguments.required("client", client, "FirmafonClient.builder()...build()"));
    }

    /**
     * The smileys the query selects, as one page in the service's order ({@code GET /smileys}): at most the query's
     * limit, the newest first. There is no {@code page}/walk as for calls and voice mails: the reference documents
     * {@code sort_value} on each smiley ("the same as {@code rated_at}") but no parameter that pages by it or by
     * {@code rated_at}, and a cursor the service might ignore would repeat the first page for ever. When the reference
     * shows one, this gains the same guarded {@code list}/{@code page} pair as the other listings.
     */
    public Flux<Smiley> list(@Nullable SmileyQuery query) {
        return Mono.fromCallable(() -> request("/smileys", query))
                .flatMap(request -> client.retrieveList(request, "smileys", Smiley.class))
                .flatMapIterable(smileys -> smileys);
    }

    /**
     * The smiley statistics for the query's endpoint ({@code GET /smileys/statistics}), as the JSON document the
     * service sends (its shape is not documented); completes empty on an empty body.
     */
    public Mono<JsonNode> statistics(@Nullable SmileyQuery query) {
        return Mono.fromCallable(() -> request("/smileys/statistics", query)).flatMap(client::retrieveJson);
    }

    private static ApiRequest request(String path, @Nullable SmileyQuery query) {
        SmileyQuery checked = Arguments.required("query", query, "use SmileyQuery.all()");
        checked.limit().ifPresent(limit -> Arguments.limit("query.limit", limit, SmileyQuery.MAX_LIMIT));
        return ApiRequest.get(path)
                .withQuery(
                        "endpoint",
                        checked.endpoint()
                                .map(e -> Arguments.endpoint("query.endpoint", e, "Reception#2")
                                        .toString())
                                .orElse(null))
                .withQuery(
                        "limit", checked.limit().isPresent() ? checked.limit().getAsInt() : null);
    }
}
