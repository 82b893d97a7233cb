package dk.firmafon.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

/**
 * Every page of a walk, the ones fetched ahead too, is fetched in the subscriber's Reactor context: where Spring
 * Security keeps the signed-in user (whose token a request sends) and Micrometer the parent observation.
 */
class PageWalkContextTest {
    @Test
    void everyPageIsFetchedInTheSubscribersContext() {
        List<String> seen = new CopyOnWriteArrayList<>();
        StepVerifier.create(PageWalk.<Integer, List<Integer>, Integer>walk(
                                0,
                                cursor -> Mono.deferContextual(context -> {
                                    seen.add(context.getOrDefault("user", "nobody"));
                                    int page = cursor == null ? 0 : cursor;
                                    return Mono.just(List.of(page * 2, page * 2 + 1));
                                }),
                                page -> page,
                                page -> page.get(0) / 2 < 3 ? page.get(0) / 2 + 1 : null)
                        .contextWrite(Context.of("user", "alice")))
                .expectNext(0, 1, 2, 3, 4, 5, 6, 7)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(seen).hasSize(4).containsOnly("alice");
    }
}
