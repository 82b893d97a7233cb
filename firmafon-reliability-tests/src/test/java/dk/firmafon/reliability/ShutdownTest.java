package dk.firmafon.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.error.FirmafonClosedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * {@code close()} is a shutdown, {@code closeGracefully()} a drain: against a loopback server that answers slowly,
 * what was not yet written is never written, what is in flight is cancelled, and no connection opens afterwards
 * (each case of a request's life at close(), with retries on and off: {@link ShutdownMatrixTest}).
 */
class ShutdownTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TOKEN = "shutdown-test-token";

    @Test
    void closeEndsTwoHundredRequestsOnTenConnectionsAndOpensNoMore() {
        try (LocalServer server = LocalServer.start((request, response) -> LocalServer.json(
                response,
                Mono.delay(Duration.ofSeconds(5), LocalServer.timer())
                        .thenReturn(LocalServer.callJson(LocalServer.lastSegment(request)))))) {
            Firmafon firmafon = firmafon(server, 10);
            List<Mono<Throwable>> outcomes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                outcomes.add(firmafon.calls()
                        .get("call-" + i)
                        .then(Mono.<Throwable>empty())
                        .onErrorResume(Mono::just)
                        .cache());
            }
            outcomes.forEach(Mono::subscribe);
            StepVerifier.create(Flux.interval(Duration.ofMillis(10))
                            .takeUntil(t -> server.requests() == 10)
                            .last())
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(TIMEOUT);

            firmafon.close();

            StepVerifier.create(Flux.concat(outcomes).collectList())
                    .assertNext(errors ->
                            assertThat(errors).hasSize(200).allMatch(e -> e instanceof FirmafonClosedException))
                    .expectComplete()
                    .verify(Duration.ofSeconds(1));
            StepVerifier.create(Flux.interval(Duration.ofMillis(10))
                            .takeUntil(t -> server.open() == 0)
                            .last())
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(TIMEOUT);
            assertThat(server.connections()).as("connections ever opened").isEqualTo(10);
            assertThat(server.requests()).as("requests the server received").isEqualTo(10);
        }
    }

    @Test
    void closeGracefullyLetsTheRequestsInFlightFinishAndStartsNothingNew() {
        try (LocalServer server = LocalServer.start((request, response) -> LocalServer.json(
                        response,
                        Mono.delay(Duration.ofMillis(300), LocalServer.timer())
                                .thenReturn(LocalServer.callJson(LocalServer.lastSegment(request)))));
                Firmafon firmafon = firmafon(server, 4)) {
            Mono<String> first =
                    firmafon.calls().get("first").map(call -> call.callUuid()).cache();
            first.subscribe();
            StepVerifier.create(Flux.interval(Duration.ofMillis(5))
                            .takeUntil(t -> server.requests() == 1)
                            .last())
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(TIMEOUT);

            Mono<Void> closing =
                    firmafon.closeGracefully(Duration.ofSeconds(10)).cache();
            closing.subscribe();

            StepVerifier.create(firmafon.calls().get("second"))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(FirmafonClosedException.class)
                            .hasMessageContaining("closing gracefully"))
                    .verify(TIMEOUT);
            StepVerifier.create(first).expectNext("first").expectComplete().verify(TIMEOUT);
            StepVerifier.create(closing).expectComplete().verify(TIMEOUT);
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void closeGracefullyCancelsWhatOutlivesItsTimeout() {
        try (LocalServer server = LocalServer.start((request, response) -> LocalServer.json(
                        response,
                        Mono.delay(Duration.ofMinutes(1), LocalServer.timer())
                                .thenReturn(LocalServer.callJson(LocalServer.lastSegment(request)))));
                Firmafon firmafon = firmafon(server, 4)) {
            Mono<String> slow =
                    firmafon.calls().get("slow").map(call -> call.callUuid()).cache();
            slow.subscribe(ok -> {}, e -> {});
            StepVerifier.create(Flux.interval(Duration.ofMillis(5))
                            .takeUntil(t -> server.requests() == 1)
                            .last())
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(TIMEOUT);

            StepVerifier.create(firmafon.closeGracefully(Duration.ofMillis(200)))
                    .expectComplete()
                    .verify(Duration.ofSeconds(5));

            StepVerifier.create(slow)
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(FirmafonClosedException.class)
                            .hasMessageContaining("in flight"))
                    .verify(Duration.ofSeconds(1));
        }
    }

    private static Firmafon firmafon(LocalServer server, int connections) {
        return Firmafon.builder()
                .baseUri(server.baseUri())
                .auth(AuthStrategy.bearer(TOKEN))
                .client(client -> client.maxConnections(connections)) // the default retry policy, as a user has it
                .build();
    }
}
