package dk.firmafon.benchmarks.internal;

import java.util.function.Function;
import reactor.core.publisher.Mono;

/** The two requests every contender makes. */
public enum Workload {
    GET_CALL("GET /calls/:uuid", Contender::getCall),
    NEWEST_PAGE("GET /calls?limit=100", Contender::newestPage);

    private final String label;
    private final Function<Contender, Mono<Integer>> work;

    Workload(String label, Function<Contender, Mono<Integer>> work) {
        this.label = label;
        this.work = work;
    }

    public String label() {
        return label;
    }

    public Function<Contender, Mono<Integer>> work() {
        return work;
    }
}
