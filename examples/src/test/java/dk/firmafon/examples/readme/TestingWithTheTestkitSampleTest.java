package dk.firmafon.examples.readme;

// [readme]
import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.error.ServerErrorException;
import dk.firmafon.testkit.FakeFirmafon;
import dk.firmafon.testkit.FakeFirmafonExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** README, "Testing with the testkit": the sample runs as a test. */
class TestingWithTheTestkitSampleTest {
    @RegisterExtension
    static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension(); // one fake per class, reset before each test

    @Test
    void listsTheSeededCalls() {
        FakeFirmafon fake = FAKE.fake();
        Firmafon firmafon = Firmafon.builder()
                .baseUri(fake.baseUri())
                .auth(AuthStrategy.bearer(fake.accessToken()))
                .build();

        StepVerifier.create(firmafon.calls().list().take(3))
                .expectNextCount(3)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        firmafon.close();
    }

    @Test
    void seesAServerErrorThatOutlastsTheRetries() {
        FakeFirmafon fake = FAKE.fake();
        fake.faults().serverError("GET", "/employee", 10, 503); // also: delay, tooManyRequests, connectionReset
        Firmafon firmafon = Firmafon.builder()
                .baseUri(fake.baseUri())
                .auth(AuthStrategy.bearer(fake.accessToken()))
                .build();

        StepVerifier.create(firmafon.employees().me())
                .expectError(ServerErrorException.class)
                .verify(Duration.ofSeconds(30));
        firmafon.close();
    }
}
// [readme]
