package dk.firmafon.calls;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dk.firmafon.core.FirmafonClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WireMock server on a dynamic port (with the {@link FakeCallHistory}) and a {@link CallsClient} talking to it. */
abstract class WireMockCallsTest {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String BEARER = "Bearer " + Fixtures.TOKEN;

    @RegisterExtension
    static final WireMockExtension WM = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(new FakeCallHistory()))
            .build();

    FirmafonClient client;
    CallsClient calls;

    @BeforeEach
    void startClient() {
        client = Fixtures.client(WM.baseUrl());
        calls = CallsClient.create(client);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }
}
