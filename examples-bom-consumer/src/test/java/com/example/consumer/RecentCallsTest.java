package com.example.consumer;

import dk.firmafon.testkit.FakeFirmafon;
import dk.firmafon.testkit.FakeFirmafonExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

class RecentCallsTest {
    @RegisterExtension
    static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension();

    @Test
    void newestReadsCallsThroughTheBomManagedModules() {
        FakeFirmafon fake = FAKE.fake();

        StepVerifier.create(new RecentCalls(fake.baseUri(), fake.accessToken()).newest(3))
                .expectNextCount(3)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }
}
