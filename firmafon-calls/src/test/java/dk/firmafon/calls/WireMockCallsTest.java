package dk.firmafon.calls;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.testing.FirmafonWireMock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WireMock server on a dynamic port (with the {@link FakeCallHistory}) and a {@link CallsClient} talking to it. */
abstract class WireMockCallsTest {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String BEARER = "Bearer " + Fixtures.TOKEN;

    @RegisterExtension
    static final FirmafonWireMock WM =
            FirmafonWireMock.with(wireMockConfig().dynamicPort().extensions(new FakeCallHistory()), "");

    FirmafonClient client;
    CallsClient calls;

    @BeforeEach
    void startClient() {
        client = WM.client();
        calls = CallsClient.create(client);
    }
}
