package dk.firmafon.auth;

import static dk.firmafon.auth.OAuthFixtures.CLIENT_ID;
import static dk.firmafon.auth.OAuthFixtures.CLIENT_SECRET;
import static dk.firmafon.auth.OAuthFixtures.REDIRECT;
import static dk.firmafon.auth.OAuthFixtures.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * BlockHound watches this test JVM (through blockhound-junit-platform), so every test that runs on a Reactor thread
 * also checks that nothing blocks; these tests prove that the watch is on and cover what an application calls
 * outside any stream (it may call it from a WebFlux handler, on an event-loop thread).
 */
class NonBlockingTest {

    @Test
    void blockHoundReportsABlockingCallOnAReactorThreadInThisJvm() {
        StepVerifier.create(Mono.fromRunnable(Thread::yield).subscribeOn(Schedulers.parallel()))
                .expectError(BlockingOperationError.class)
                .verify(TIMEOUT);
    }

    @Test
    void authorizationRequestsCanBeMadeOnAReactorThread() {
        try (OAuth2Client client = OAuth2Client.builder()
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .redirectUri(REDIRECT)
                .build()) {
            StepVerifier.create(Flux.range(0, 50)
                            .map(i -> client.authorizationRequest())
                            .map(request ->
                                    request.state() + request.codeVerifier().orElseThrow())
                            .distinct()
                            .count()
                            .subscribeOn(Schedulers.parallel()))
                    .assertNext(distinct -> assertThat(distinct).isEqualTo(50))
                    .expectComplete()
                    .verify(TIMEOUT);
        }
    }
}
