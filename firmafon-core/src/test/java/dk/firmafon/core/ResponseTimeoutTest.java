package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.testing.WireMockTest;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.net.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The SDK's response timeout (one handler per connection, armed by each request, see
 * {@code dk.firmafon.core.internal.ResponseTimeout}): it fires for a silent response head and for a stall between
 * body chunks, never for a connection that is reused after waiting in the pool, follows the timeout of the client
 * that sent the request when clients with different timeouts share a pool, and is not disarmed by a 1xx answer.
 */
class ResponseTimeoutTest extends WireMockTest {
    /** The bound of every wait in this test. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    private static final String CALLS = "{\"calls\": []}";

    @Test
    void aBodyThatStallsBetweenChunksFailsWithTheResponseTimeout() {
        server.stubFor(get(urlPathEqualTo(path("/calls")))
                .willReturn(okJson("{\"calls\": [" + "{},".repeat(200) + "{}]}").withChunkedDribbleDelay(2, 3000)));

        StepVerifier.create(
                        client(b -> b.responseTimeout(Duration.ofMillis(400))).retrieveJson(ApiRequest.get("/calls")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(FirmafonIoException.class)
                        .hasMessage("GET " + baseUri() + "/calls failed: no response within 400 ms (responseTimeout)"))
                .verify(TIMEOUT);
    }

    @Test
    void aReusedConnectionIsTimedFromItsOwnRequestNotFromAnEarlierOne() {
        server.stubFor(get(urlPathEqualTo(path("/fast"))).willReturn(okJson(CALLS)));
        server.stubFor(
                get(urlPathEqualTo(path("/slowish"))).willReturn(okJson(CALLS).withFixedDelay(300)));
        FirmafonClient client = client(b -> b.maxConnections(1).responseTimeout(Duration.ofMillis(500)));

        // the first request arms the connection's one timer for 500 ms; the second starts 300 ms later on the same
        // connection and takes 300 ms: 600 ms after the first, 300 ms after its own start; then the connection
        // waits in the pool past every deadline and serves a third
        Mono<Void> sequence = client.execute(ApiRequest.get("/fast"))
                .then(Mono.delay(Duration.ofMillis(300)))
                .then(client.execute(ApiRequest.get("/slowish")))
                .then(Mono.delay(Duration.ofMillis(800)))
                .then(client.execute(ApiRequest.get("/slowish")));

        StepVerifier.create(sequence).expectComplete().verify(WAIT);
        assertThat(server.getAllServeEvents()).hasSize(3);
    }

    @Test
    void aClientSharingThePoolTimesItsRequestsWithItsOwnShorterTimeout() {
        server.stubFor(get(urlPathEqualTo(path("/fast"))).willReturn(okJson(CALLS)));
        server.stubFor(
                get(urlPathEqualTo(path("/slow"))).willReturn(okJson(CALLS).withFixedDelay(5000)));
        FirmafonClient patient = client(b -> b.maxConnections(1).responseTimeout(Duration.ofSeconds(30)));
        FirmafonClient impatient =
                patient.mutate().responseTimeout(Duration.ofMillis(300)).build();

        // the patient client's request leaves the shared connection with a timer 30 s out
        StepVerifier.create(patient.execute(ApiRequest.get("/fast")))
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(impatient.execute(ApiRequest.get("/slow")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(FirmafonIoException.class)
                        .hasMessage("GET " + baseUri() + "/slow failed: no response within 300 ms (responseTimeout)"))
                .verify(Duration.ofSeconds(3));
        impatient.close();
    }

    @Test
    void timeoutsOfWeeksOrCenturiesMeanNoTimeoutAndBuild() {
        server.stubFor(
                get(urlPathEqualTo(path("/calls"))).willReturn(okJson(CALLS).withFixedDelay(200)));

        // Long.MAX_VALUE seconds has no nanosecond value, 30 days overflow Netty's int of milliseconds: both count
        // as a year instead of failing the build of the client
        StepVerifier.create(client(b -> b.responseTimeout(Duration.ofSeconds(Long.MAX_VALUE))
                                .connectTimeout(Duration.ofDays(30)))
                        .retrieveJson(ApiRequest.get("/calls")))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void anInformationalAnswerDoesNotStopTheTimer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread silent = new Thread(() -> answerContinueThenNothing(socket), "continue-then-nothing");
            silent.setDaemon(true);
            silent.start();
            FirmafonClient client = client(b -> b.baseUri(URI.create("http://127.0.0.1:" + socket.getLocalPort()))
                    .responseTimeout(Duration.ofMillis(400))
                    .retryPolicy(RetryPolicy.none()));

            StepVerifier.create(client.retrieveJson(ApiRequest.get("/calls")))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(FirmafonIoException.class)
                            .hasMessageEndingWith("/calls failed: no response within 400 ms (responseTimeout)"))
                    .verify(Duration.ofSeconds(5));
        }
    }

    /** Reads one request head, answers {@code 100 Continue}, then stays silent until the client hangs up. */
    private static void answerContinueThenNothing(ServerSocket socket) {
        try (Socket connection = socket.accept()) {
            InputStream in = connection.getInputStream();
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            }
            OutputStream out = connection.getOutputStream();
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (in.read() >= 0) {
                // silent until the client closes the connection
            }
        } catch (IOException e) {
            // the client closed the connection: the end of this server's life
        }
    }
}
