package dk.firmafon.core;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Every core test that runs on a Reactor thread also checks that nothing blocks: BlockHound is on in this JVM. */
class BlockHoundTest {

    @Test
    void aBlockingCallOnAReactorThreadIsReported() {
        StepVerifier.create(Mono.fromRunnable(Thread::yield).subscribeOn(Schedulers.parallel()))
                .expectError(BlockingOperationError.class)
                .verify(Duration.ofSeconds(30));
    }
}
