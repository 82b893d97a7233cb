package dk.firmafon.examples.missedcalls;

import dk.firmafon.calls.CallQuery;
import dk.firmafon.calls.CallsClient;
import dk.firmafon.calls.model.Call;
import dk.firmafon.calls.model.CallDirection;
import dk.firmafon.calls.model.CallStatus;
import dk.firmafon.core.model.PhoneNumber;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who called and was not answered: the callers to ring back, newest first, each number once. An application's own
 * service over the SDK, written to be tested against the testkit (see {@code MissedCallsServiceTest}).
 */
public final class MissedCallsService {
    private final CallsClient calls;

    public MissedCallsService(CallsClient calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /** The numbers with a missed incoming call at or after {@code since}, newest first, each once. */
    public Flux<PhoneNumber> callersToRingBack(Instant since) {
        if (since == null) {
            return Flux.error(new IllegalArgumentException("since must not be null"));
        }
        CallQuery query = CallQuery.builder()
                .direction(CallDirection.INCOMING)
                .startedAtOrAfter(since)
                .build();
        return calls.list(query)
                .filter(call -> call.status().filter(CallStatus.MISSED::equals).isPresent())
                .flatMapIterable(call -> call.fromNumber().stream().toList())
                .distinct();
    }

    /** How many incoming calls at or after {@code since} were missed. */
    public Mono<Long> missedCount(Instant since) {
        if (since == null) {
            return Mono.error(new IllegalArgumentException("since must not be null"));
        }
        return calls.list(CallQuery.builder()
                        .direction(CallDirection.INCOMING)
                        .startedAtOrAfter(since)
                        .build())
                .map(Call::status)
                .filter(status -> status.filter(CallStatus.MISSED::equals).isPresent())
                .count();
    }
}
