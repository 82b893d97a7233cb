package dk.firmafon.employees;

import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.employees.internal.Ids;
import dk.firmafon.employees.model.Reception;
import java.util.Objects;
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
        return new ReceptionsClient(Objects.requireNonNull(client, "client"));
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
        if (id <= 0) {
            return Ids.notPositive("id", id);
        }
        return client.retrieve(ApiRequest.get(Ids.path(RECEPTIONS, id)), "reception", Reception.class);
    }
}
