package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dk.firmafon.core.testing.WireMockTest;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.net.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class FaultTest extends WireMockTest {

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"
            })
    void connectionFaultsAreFirmafonIoExceptionNamingMethodAndUri(Fault fault) {
        server.stubFor(
                get(urlPathEqualTo(path("/calls"))).willReturn(aResponse().withFault(fault)));

        StepVerifier.create(client(b -> b.retryPolicy(RetryPolicy.none())).retrieveJson(ApiRequest.get("/calls")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(FirmafonIoException.class)
                        .hasMessageStartingWith("GET " + baseUri() + "/calls failed: "))
                .verify(TIMEOUT);
    }

    @Test
    void aGetIsRetriedAfterAConnectionResetAndTheFinalErrorCountsTheAttempts() {
        server.stubFor(
                get(urlPathEqualTo(path("/calls"))).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        StepVerifier.create(client().retrieveJson(ApiRequest.get("/calls")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(FirmafonIoException.class)
                        .hasMessageEndingWith("(after 3 attempts)"))
                .verify(TIMEOUT);
        server.verify(3, getRequestedFor(urlPathEqualTo(path("/calls"))));
    }

    @Test
    void aSlowResponseFailsWithTheResponseTimeoutAndIsNotRetried() {
        server.stubFor(get(urlPathEqualTo(path("/calls")))
                .willReturn(okJson("{\"calls\": []}").withFixedDelay(3000)));

        StepVerifier.create(
                        client(b -> b.responseTimeout(Duration.ofMillis(300))).retrieveJson(ApiRequest.get("/calls")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(FirmafonIoException.class)
                        .hasMessage("GET " + baseUri() + "/calls failed: no response within 300 ms (responseTimeout)"))
                .verify(TIMEOUT);
        server.verify(1, getRequestedFor(urlPathEqualTo(path("/calls"))));
    }

    @Test
    void waitingTooLongForAPooledConnectionNamesThePoolAcquireTimeout() {
        server.stubFor(
                get(urlPathEqualTo(path("/slow"))).willReturn(okJson("{}").withFixedDelay(2000)));
        FirmafonClient client = client(b -> b.maxConnections(1).poolAcquireTimeout(Duration.ofMillis(200)));

        StepVerifier.create(Mono.when(client.execute(ApiRequest.get("/slow")), client.execute(ApiRequest.get("/slow"))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(FirmafonIoException.class)
                        .hasMessageContaining("GET " + baseUri() + "/slow failed: no pooled connection became free "
                                + "within 200 ms (poolAcquireTimeout"))
                .verify(TIMEOUT);
    }

    @Test
    void aRefusedConnectionIsFirmafonIoException() throws java.io.IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        FirmafonClient client = client(
                b -> b.baseUri(java.net.URI.create("http://localhost:" + port)).retryPolicy(RetryPolicy.none()));

        StepVerifier.create(client.execute(ApiRequest.get("/calls")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(FirmafonIoException.class)
                        .hasMessageStartingWith("GET http://localhost:" + port + "/calls failed: could not connect"))
                .verify(TIMEOUT);
    }
}
