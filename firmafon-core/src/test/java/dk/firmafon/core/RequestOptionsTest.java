package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.firmafon.core.testing.WireMockTest;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.net.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Per-request options on {@link ApiRequest}: extra headers and an attempt deadline of its own. */
class RequestOptionsTest extends WireMockTest {

    @Test
    void extraHeadersAreSentWithTheRequestOnEveryAttempt() {
        server.stubFor(get(urlPathEqualTo(path("/me"))).willReturn(okJson("{\"me\": {}}")));

        StepVerifier.create(client().retrieveJson(ApiRequest.get("/me")
                        .withHeader("X-Request-Id", "req-42")
                        .withHeader("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        server.verify(getRequestedFor(urlPathEqualTo(path("/me")))
                .withHeader("X-Request-Id", equalTo("req-42"))
                .withHeader("traceparent", equalTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void headersTheSdkOwnsOrThatBreakFramingAreRefusedNamingThem() {
        for (String reserved :
                new String[] {"Authorization", "host", "Content-Length", "Transfer-Encoding", "User-Agent"}) {
            assertThatThrownBy(() -> ApiRequest.get("/me").withHeader(reserved, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("header " + reserved + " is set by the SDK");
        }
        assertThatThrownBy(() -> ApiRequest.get("/me").withHeader("X-Evil", "a\r\nInjected: yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header X-Evil must have a value without line breaks or control characters");
        assertThatThrownBy(() -> ApiRequest.get("/me").withHeader("Bad Name", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("header name must be an HTTP token");
        assertThatThrownBy(() -> ApiRequest.get("/me").withTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be positive, was PT0S");
    }

    @Test
    void aRequestsOwnTimeoutReplacesTheClientsAttemptTimeout() {
        server.stubFor(get(urlPathEqualTo(path("/slow")))
                .willReturn(aResponse()
                        .withFixedDelay(3_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));

        StepVerifier.create(client(b -> b.retryPolicy(RetryPolicy.none()))
                        .retrieveJson(ApiRequest.get("/slow").withTimeout(Duration.ofMillis(300))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(FirmafonIoException.class, io -> assertThat(io.kind())
                                .isEqualTo(FirmafonIoException.Kind.ATTEMPT_TIMEOUT))
                        .hasMessageContaining(
                                "did not end within 300 ms of sending the request (the request's timeout)"))
                .verify(TIMEOUT);
    }
}
