package dk.firmafon.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** BlockHound is installed in every test JVM by blockhound-junit-platform; this proves it is active. */
class BlockHoundActiveTest {
    /** The bound of every wait in this test. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    @Test
    void aBlockingCallOnANonBlockingReactorThreadFails() {
        Mono<Integer> blocking = Mono.fromCallable(() -> {
                    Thread.sleep(1);
                    return 1;
                })
                .subscribeOn(Schedulers.parallel());

        StepVerifier.create(blocking)
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(BlockingOperationError.class)
                        .hasMessageContaining("java.lang.Thread.sleep"))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void theSameCallOnABoundedElasticThreadIsAllowed() {
        Mono<Integer> blocking = Mono.fromCallable(() -> {
                    Thread.sleep(1);
                    return 1;
                })
                .subscribeOn(Schedulers.boundedElastic());

        StepVerifier.create(blocking).expectNext(1).expectComplete().verify(WAIT);
    }

    @Test
    void theOnlyAllowanceIsTheNettyAllocatorsOwnLockAndItIsRegistered() {
        assertThat(ServiceLoader.load(BlockHoundIntegration.class).stream().map(ServiceLoader.Provider::type))
                .contains(NettyAllocatorBlockHoundIntegration.class);
    }
}
