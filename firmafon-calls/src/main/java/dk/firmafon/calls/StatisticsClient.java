package dk.firmafon.calls;

import dk.firmafon.calls.model.Statistics;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.support.Arguments;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Aggregated call and chat statistics, which the service updates every one to two hours, as the Relatel reference
 * documents them ({@code dev.relatel.dk/api-v2/reference/statistics}): by endpoint type, between two dates, for some
 * endpoints, aggregated by one key.
 *
 * <p>Evidence: the reference documents the parameters (A) and the properties of a row (A); the path
 * {@code GET /statistics} is the one public integrations use (not on an official page, C) and the envelope is not
 * shown, so {@link Statistics} reads the usual shapes and keeps the document.
 */
public final class StatisticsClient {
    private final FirmafonClient client;

    private StatisticsClient(FirmafonClient client) {
        this.client = client;
    }

    /** A statistics client over {@code client} (which it shares, not owns). */
    public static StatisticsClient create(FirmafonClient client) {
        return new StatisticsClient(
                dk.firmafon.core.support.Arguments.required("client", client, "FirmafonClient.builder()...build()"));
    }

    /**
     * The statistics {@code query} selects ({@code GET /statistics}); completes empty on an empty body. Refused before
     * anything is sent, naming the argument: a null query, an end before the start, an endpoint that is not
     * {@code Type#id} or not of the query's endpoint type (one type per request), a grouping the reference does not
     * allow with the endpoint type ({@code ivr_key} only for receptions, {@code reception_id} not for chat
     * receptions, {@code chat_reception_id} not for receptions).
     */
    public Mono<Statistics> statistics(@Nullable StatisticsQuery query) {
        return Mono.fromCallable(() -> request(query))
                .flatMap(client::retrieveJson)
                .map(Statistics::of);
    }

    static ApiRequest request(@Nullable StatisticsQuery query) {
        StatisticsQuery checked =
                Arguments.required("query", query, "use StatisticsQuery.of(StatisticsQuery.EndpointType.RECEPTION)");
        StatisticsQuery.EndpointType endpointType = Arguments.required(
                "query.endpointType", checked.endpointType(), "RECEPTION, CHAT_RECEPTION or EMPLOYEE");
        if (checked.start().isPresent()
                && checked.end().isPresent()
                && checked.end().get().isBefore(checked.start().get())) {
            throw new IllegalArgumentException("query.end must not be before query.start, was "
                    + checked.end().get() + " for start " + checked.start().get());
        }
        String type = endpointType.value();
        for (Endpoint endpoint : checked.endpoints()) {
            Arguments.endpoint("query.endpoints", endpoint, type + "#1");
            if (!endpoint.type().equals(type)) {
                throw new IllegalArgumentException("query.endpoints must all be of the query's endpoint type " + type
                        + " (one type per request), was '" + endpoint + "'");
            }
        }
        checked.groupBy().ifPresent(grouping -> {
            if (!grouping.allowedWith(endpointType)) {
                throw new IllegalArgumentException("query.groupBy " + grouping + " is not available with endpoint type "
                        + endpointType + " (ivr_key only for receptions, reception_id not for chat receptions,"
                        + " chat_reception_id not for receptions)");
            }
        });
        return ApiRequest.get("/statistics")
                .withQuery("endpoint_type", type)
                .withQuery("start", checked.start().map(LocalDate::toString).orElse(null))
                .withQuery("end", checked.end().map(LocalDate::toString).orElse(null))
                .withQuery(
                        "endpoint",
                        checked.endpoints().isEmpty()
                                ? null
                                : checked.endpoints().stream()
                                        .map(Endpoint::toString)
                                        .collect(Collectors.joining(",")))
                .withQuery(
                        "group_by",
                        checked.groupBy().map(StatisticsQuery.Grouping::value).orElse(null));
    }
}
