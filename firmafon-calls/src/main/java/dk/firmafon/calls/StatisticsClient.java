package dk.firmafon.calls;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.support.Arguments;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Aggregated call and chat statistics, which the service updates every one to two hours.
 *
 * <p>Evidence: the Relatel reference describes the statistics and their parameters ({@code endpoint_type},
 * {@code start}, {@code end}, {@code endpoint}, {@code group_by}) but neither shows the path nor the answer's
 * shape. The path {@code GET /statistics} is the one public integrations use (inferred, not on an official page);
 * the answer is returned as the JSON document it is.
 */
public final class StatisticsClient {
    /** ISO 8601 with seconds always written: {@code 2026-11-01T00:00:00+01:00}. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final FirmafonClient client;

    private StatisticsClient(FirmafonClient client) {
        this.client = client;
    }

    /** A statistics client over {@code client} (which it shares, not owns). */
    public static StatisticsClient create(FirmafonClient client) {
        return new StatisticsClient(Objects.requireNonNull(client, "client"));
    }

    /**
     * The statistics {@code query} selects ({@code GET /statistics}). Refused before anything is sent, naming the
     * argument: a null query, an end before the start, an endpoint that is not {@code Type#id} or not of the
     * query's endpoint type (one type per request), a grouping given twice.
     */
    public Mono<JsonNode> statistics(@Nullable StatisticsQuery query) {
        return Mono.fromCallable(() -> request(query)).flatMap(client::retrieveJson);
    }

    static ApiRequest request(@Nullable StatisticsQuery query) {
        StatisticsQuery checked =
                Arguments.required("query", query, "use StatisticsQuery.of(StatisticsQuery.EndpointType.RECEPTION)");
        Arguments.required("query.endpointType", checked.endpointType(), "RECEPTION, CHAT_RECEPTION or EMPLOYEE");
        Arguments.range(
                "query.start",
                checked.start().map(t -> t.toInstant()).orElse(null),
                "query.end",
                checked.end().map(t -> t.toInstant()).orElse(null));
        String type = checked.endpointType().value();
        for (Endpoint endpoint : checked.endpoints()) {
            Arguments.endpoint("query.endpoints", endpoint, type + "#1");
            if (!endpoint.type().equals(type)) {
                throw new IllegalArgumentException("query.endpoints must all be of the query's endpoint type " + type
                        + " (one type per request), was '" + endpoint + "'");
            }
        }
        if (checked.groupBy().stream().distinct().count() != checked.groupBy().size()) {
            throw new IllegalArgumentException(
                    "query.groupBy must not name a grouping twice, was " + checked.groupBy());
        }
        return ApiRequest.get("/statistics")
                .withQuery("endpoint_type", type)
                .withQuery("start", checked.start().map(ISO::format).orElse(null))
                .withQuery("end", checked.end().map(ISO::format).orElse(null))
                .withQuery(
                        "endpoint",
                        checked.endpoints().isEmpty()
                                ? null
                                : checked.endpoints().stream()
                                        .map(Endpoint::toString)
                                        .collect(Collectors.joining(",")))
                .withQuery(
                        "group_by",
                        checked.groupBy().isEmpty()
                                ? null
                                : checked.groupBy().stream()
                                        .map(StatisticsQuery.Grouping::value)
                                        .collect(Collectors.joining(",")));
    }
}
