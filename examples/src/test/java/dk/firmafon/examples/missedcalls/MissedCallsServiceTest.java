package dk.firmafon.examples.missedcalls;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.calls.CallsClient;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.error.ServerErrorException;
import dk.firmafon.testkit.FakeFirmafon;
import dk.firmafon.testkit.FakeFirmafonExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * How a user tests their own service that uses the SDK: the testkit's fake Firmafon (one per class, reset before
 * each test), an SDK client pointed at it, and {@code StepVerifier} with an explicit timeout.
 */
class MissedCallsServiceTest {
    @RegisterExtension
    static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension();

    /** The seeded calls start at or before this instant; the newest at 2025-06-02T10:00:00Z. */
    private static final Instant SINCE = Instant.parse("2025-06-01T00:00:00Z");

    private FirmafonClient client;
    private MissedCallsService service;

    @BeforeEach
    void pointTheSdkAtTheFake() {
        FakeFirmafon fake = FAKE.fake();
        client = FirmafonClient.builder()
                .baseUri(fake.baseUri())
                .auth(AuthStrategy.bearer(fake.accessToken()))
                .build();
        service = new MissedCallsService(CallsClient.create(client));
    }

    @AfterEach
    void closeTheClient() {
        client.close();
    }

    @Test
    void callersToRingBackAreDistinctNumbersOfMissedIncomingCalls() {
        StepVerifier.create(service.callersToRingBack(SINCE).collectList())
                .assertNext(numbers -> {
                    assertThat(numbers).isNotEmpty();
                    assertThat(new HashSet<>(numbers)).hasSameSizeAs(numbers);
                })
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void theServiceAsksTheApiOnlyForIncomingCallsSinceTheGivenTime() {
        StepVerifier.create(service.missedCount(SINCE))
                .assertNext(count -> assertThat(count).isPositive())
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        List<dk.firmafon.testkit.RecordedRequest> requests =
                FAKE.fake().journal().requests("GET", "/calls");
        assertThat(requests).isNotEmpty().allSatisfy(request -> {
            assertThat(request.queryParameter("direction")).hasValue("incoming");
            assertThat(request.queryParameter("started_at_gt_or_eq")).isPresent();
        });
    }

    @Test
    void aPersistentServerErrorReachesTheSubscriberAsATypedError() {
        FAKE.fake().faults().serverError("GET", "/calls", 10, 503);

        StepVerifier.create(service.callersToRingBack(SINCE))
                .expectError(ServerErrorException.class)
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void aMissingArgumentIsAnErrorInTheStreamNotAThrow() {
        StepVerifier.create(service.callersToRingBack(nullInstant()))
                .expectErrorMessage("since must not be null")
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void numbersAreNormalisedPhoneNumbers() {
        StepVerifier.create(service.callersToRingBack(SINCE).take(1))
                .assertNext(number -> assertThat(number.digits()).matches("\\d+"))
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    @SuppressWarnings("NullAway")
    private static Instant nullInstant() {
        return null;
    }
}
