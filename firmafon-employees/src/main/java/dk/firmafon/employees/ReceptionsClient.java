package dk.firmafon.employees;

import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.support.Arguments;
import dk.firmafon.employees.model.Reception;
import dk.firmafon.employees.model.ReceptionPhase;
import dk.firmafon.employees.model.ReceptionStatistics;
import java.time.Duration;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The company's receptions: its public phone numbers, whose endpoints ({@code Reception#7}) filter and route calls.
 *
 * <p>Every method returns a cold publisher: nothing is sent before subscription, and bad arguments arrive as an
 * {@link IllegalArgumentException} naming the argument, without a request.
 */
public final class ReceptionsClient {
    private static final String RECEPTIONS = "/receptions";

    private final FirmafonClient client;

    private ReceptionsClient(FirmafonClient client) {
        this.client = client;
    }

    /** A client over {@code client}'s connection, base URI and authentication. */
    public static ReceptionsClient create(FirmafonClient client) {
        return new ReceptionsClient(
                dk.firmafon.core.support.Arguments.required("client", client, "FirmafonClient.builder()...build()"));
    }

    /** Every reception of the company ({@code GET /receptions}). */
    public Flux<Reception> list() {
        return client.retrieveList(ApiRequest.get(RECEPTIONS), "receptions", Reception.class)
                .flatMapIterable(receptions -> receptions);
    }

    /**
     * One reception ({@code GET /receptions/:id}); a {@link dk.firmafon.error.NotFoundException} when there is none.
     */
    public Mono<Reception> get(long id) {
        return Mono.defer(
                () -> client.retrieve(ApiRequest.get(Arguments.idPath(RECEPTIONS, id)), "reception", Reception.class));
    }

    /**
     * A reception's call figures over a period ({@code GET /receptions/:id/statistics}: {@code answer_target},
     * {@code from_time}, {@code to_time}, {@code phase}). Needs Switch Premium.
     */
    public Mono<ReceptionStatistics> statistics(long id, @Nullable ReceptionStatisticsQuery query) {
        return Mono.defer(() -> {
            Arguments.required("query", query, "use ReceptionStatisticsQuery.all()");
            query.answerTarget().ifPresent(target -> {
                if (target.isNegative() || target.isZero() || target.getNano() != 0) {
                    throw new IllegalArgumentException(
                            "query.answerTarget must be a positive whole number of seconds, was " + target);
                }
            });
            if (query.fromTime().isPresent()
                    && query.toTime().isPresent()
                    && query.toTime().get().isBefore(query.fromTime().get())) {
                throw new IllegalArgumentException("query.toTime must not be before query.fromTime, was "
                        + query.toTime().get() + " before " + query.fromTime().get());
            }
            ApiRequest request = ApiRequest.get(Arguments.idPath(RECEPTIONS, id) + "/statistics")
                    .withQuery(
                            "answer_target",
                            query.answerTarget().map(Duration::getSeconds).orElse(null))
                    .withQuery("from_time", query.fromTime().orElse(null))
                    .withQuery("to_time", query.toTime().orElse(null))
                    .withQuery(
                            "phase",
                            query.phases().isEmpty()
                                    ? null
                                    : query.phases().stream()
                                            .map(ReceptionPhase::value)
                                            .distinct()
                                            .collect(Collectors.joining(",")));
            return client.retrieve(request, "statistics", ReceptionStatistics.class);
        });
    }
}
