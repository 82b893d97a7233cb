package dk.firmafon.employees;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.testing.FirmafonWireMock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WireMock server on a dynamic port and a {@link FirmafonClient} pointed at it with a bearer token. */
abstract class WireMockClientTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final FirmafonWireMock WM = FirmafonWireMock.atRoot();

    FirmafonClient firmafon;

    @BeforeEach
    void connect() {
        firmafon = WM.client();
    }

    @AfterEach
    void close() {
        firmafon.close();
    }

    /** A 200 JSON response with {@code body}. */
    static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** The fixture as a 200 JSON response. */
    static ResponseDefinitionBuilder fixture(String name) {
        return json(Fixtures.text(name));
    }

    /** A 404 as the service sends it. */
    static ResponseDefinitionBuilder notFound() {
        return aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\": \"failure\", \"message\": \"Not found\"}");
    }

    /** {@code request} as it must reach the server: with the bearer token and asking for JSON. */
    static RequestPatternBuilder authorized(RequestPatternBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer test-token"))
                .withHeader("Accept", equalTo("application/json"));
    }

    /** Asserts that nothing at all reached the server. */
    static void verifyNothingSent() {
        WM.verify(0, anyRequestedFor(anyUrl()));
    }
}
