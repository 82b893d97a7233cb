package dk.firmafon.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.error.FirmafonApiException;
import dk.firmafon.error.FirmafonDecodingException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.error.FirmafonTlsException;
import dk.firmafon.error.PagingException;
import dk.firmafon.net.RetryPolicy;
import dk.firmafon.testsupport.CapturedLogs;
import dk.firmafon.testsupport.RawServer;
import dk.firmafon.testsupport.Secrets;
import dk.firmafon.testsupport.TestTls;
import java.net.URI;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.test.StepVerifier;

/**
 * The API as a hostile server plays it, on loopback (raw sockets where an HTTP library would refuse to misbehave):
 * a cursor it ignores, bodies trickled a byte at a time, endless {@code 100 Continue}, a TLS handshake that never
 * completes or a certificate nobody trusts, URLs two parsers read differently, malformed JSON and HTTP, secrets
 * echoed back. Each ends in a typed error after a bounded number of requests and log lines.
 */
class HostileServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TOKEN = Secrets.register(Secrets.Kind.ACCESS_TOKEN, "hostile-server-token-77");

    private static Firmafon firmafon(URI baseUri, UnaryOperator<FirmafonClient.Builder> settings) {
        return Firmafon.builder()
                .baseUri(baseUri)
                .auth(AuthStrategy.bearer(TOKEN))
                .client(client -> settings.apply(client.retryPolicy(RetryPolicy.builder()
                        .maxAttempts(3)
                        .initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(20))
                        .jitter(0)
                        .build())))
                .build();
    }

    /** A full page of {@code count} calls that all started at one instant, whatever the cursor asked for. */
    private static String callsAtOneInstant(int count, boolean withStartedAt) {
        StringJoiner calls = new StringJoiner(",", "{\"calls\":[", "]}");
        for (int i = 0; i < count; i++) {
            calls.add("{\"call_uuid\":\"c" + i + "\""
                    + (withStartedAt ? ",\"started_at\":\"2025-06-02T10:00:00Z\"" : "") + "}");
        }
        return calls.toString();
    }

    private static String json(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
                + body;
    }

    @ParameterizedTest(name = "with started_at: {0}")
    @ValueSource(booleans = {true, false})
    void aServerThatIgnoresTheCallsCursorEndsTheListingWithATypedErrorAfterTwoRequests(boolean withStartedAt) {
        CapturedLogs.clear();
        try (RawServer server = RawServer.answeringEvery(json(callsAtOneInstant(30, withStartedAt)));
                Firmafon firmafon = firmafon(server.httpUri().resolve("/api/v2"), c -> c)) {
            StepVerifier.create(firmafon.calls()
                            .list(dk.firmafon.calls.CallQuery.builder()
                                    .limit(30)
                                    .build()))
                    .expectNextCount(30)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(PagingException.class, p -> {
                        assertThat(p.cursorParameter()).isEqualTo("started_at_lt_or_eq");
                        assertThat(p)
                                .hasMessageContaining("the server ignored the cursor started_at_lt_or_eq=")
                                .hasMessageContaining("30 calls, 30 of them later than the cursor and none new");
                    }))
                    .verify(TIMEOUT);
            assertThat(server.requests()).isEqualTo(2);
        }
        assertThat(CapturedLogs.lines())
                .filteredOn(line -> line.startsWith("WARN"))
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aServerThatIgnoresTheVoiceMailCursorEndsTheListingToo() {
        StringJoiner mails = new StringJoiner(",", "{\"voice_mails\":[", "]}");
        for (int i = 0; i < 10; i++) {
            mails.add("{\"id\":" + (i + 1) + ",\"created_at\":\"2025-06-02T10:00:0" + i + "Z\"}");
        }
        try (RawServer server = RawServer.answeringEvery(json(mails.toString()));
                Firmafon firmafon = firmafon(server.httpUri().resolve("/api/v2"), c -> c)) {
            StepVerifier.create(firmafon.voiceMails()
                            .list(dk.firmafon.voicemails.VoiceMailQuery.builder()
                                    .limit(10)
                                    .build()))
                    .expectNextCount(10)
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(PagingException.class)
                            .hasMessageContaining("created_at_lt_or_eq=2025-06-02T10:00:00Z"))
                    .verify(TIMEOUT);
            assertThat(server.requests()).isEqualTo(2);
        }
    }

    @Test
    void aBodyTrickledAByteEvery500MsEndsAtTheAttemptDeadlineAndIsNotRetried() {
        try (RawServer server = RawServer.start(connection -> {
                    connection.readRequest();
                    connection.write(
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
                    for (int i = 0; i < 100_000; i++) {
                        connection.write(" ");
                        connection.pause(500);
                    }
                });
                Firmafon firmafon =
                        firmafon(server.httpUri().resolve("/api/v2"), c -> c.responseTimeout(Duration.ofSeconds(3))
                                .attemptTimeout(Duration.ofSeconds(2)))) {
            StepVerifier.create(firmafon.calls().get("c1"))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOfSatisfying(FirmafonIoException.class, io -> {
                                assertThat(io.kind()).isEqualTo(FirmafonIoException.Kind.ATTEMPT_TIMEOUT);
                                assertThat(io.requestMayHaveBeenSent()).isTrue();
                            })
                            .hasMessageContaining("did not end within 2 s of sending the request (attemptTimeout)"))
                    .verify(Duration.ofSeconds(10));
            assertThat(server.requests())
                    .as("a GET past its deadline is not repeated")
                    .isEqualTo(1);
        }
    }

    @Test
    void anEndlessRunOf100ContinueEndsAtTheAttemptDeadline() {
        try (RawServer server = RawServer.start(connection -> {
                    connection.readRequest();
                    for (int i = 0; i < 100_000; i++) {
                        connection.write("HTTP/1.1 100 Continue\r\n\r\n");
                        connection.pause(500);
                    }
                });
                Firmafon firmafon =
                        firmafon(server.httpUri().resolve("/api/v2"), c -> c.responseTimeout(Duration.ofSeconds(3))
                                .attemptTimeout(Duration.ofSeconds(2)))) {
            StepVerifier.create(firmafon.calls().get("c1"))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOfSatisfying(FirmafonIoException.class, io -> assertThat(io.kind())
                                    .isEqualTo(FirmafonIoException.Kind.ATTEMPT_TIMEOUT)))
                    .verify(Duration.ofSeconds(10));
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void theOverallTimeoutBoundsEveryAttemptAndTheWaitsBetweenThem() {
        try (RawServer server = RawServer.answeringEvery(
                        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n\r\n");
                Firmafon firmafon = Firmafon.builder()
                        .baseUri(server.httpUri().resolve("/api/v2"))
                        .auth(AuthStrategy.bearer(TOKEN))
                        .client(c -> c.overallTimeout(Duration.ofMillis(1500))
                                .retryPolicy(RetryPolicy.builder()
                                        .maxAttempts(10)
                                        .initialBackoff(Duration.ofSeconds(1))
                                        .jitter(0)
                                        .build()))
                        .build()) {
            StepVerifier.create(firmafon.calls().get("c1"))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOfSatisfying(FirmafonIoException.class, io -> {
                                assertThat(io.kind()).isEqualTo(FirmafonIoException.Kind.OVERALL_TIMEOUT);
                                assertThat(io.requestMayHaveBeenSent()).isTrue();
                            })
                            .hasMessageContaining("did not end within 1500 ms (overallTimeout"))
                    .verify(Duration.ofSeconds(10));
            assertThat(server.requests()).isEqualTo(2);
        }
    }

    @Test
    void aTlsHandshakeThatNeverCompletesCountsAgainstTheConnectTimeoutOnEveryAttempt() {
        try (RawServer server = RawServer.start(RawServer.Connection::drainUntilClosed);
                Firmafon firmafon =
                        firmafon(server.httpsUri().resolve("/api/v2"), c -> c.connectTimeout(Duration.ofSeconds(1)))) {
            StepVerifier.create(firmafon.calls().get("c1"))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOfSatisfying(FirmafonIoException.class, io -> {
                                assertThat(io.kind()).isEqualTo(FirmafonIoException.Kind.TLS_HANDSHAKE_TIMEOUT);
                                assertThat(io.requestMayHaveBeenSent()).isFalse();
                            })
                            .hasMessageContaining("TLS handshake did not complete within 1 s (connectTimeout)"))
                    .verify(Duration.ofSeconds(10));
            assertThat(server.connections()).as("one connection per attempt").isEqualTo(3);
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void aSelfSignedCertificateIsATypedSecurityErrorTriedOnce() {
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        DisposableServer server =
                TestTls.server(TestTls.selfSigned(), "{\"call\":{\"call_uuid\":\"c1\"}}", connections);
        try (Firmafon firmafon = firmafon(URI.create("https://127.0.0.1:" + server.port() + "/api/v2"), c -> c)) {
            StepVerifier.create(firmafon.calls().get("c1"))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(FirmafonTlsException.class)
                            .hasMessageStartingWith(
                                    "GET https://127.0.0.1:" + server.port() + "/api/v2/calls/c1 failed:")
                            .hasMessageContaining("certificate could not be verified"))
                    .verify(TIMEOUT);
        } finally {
            server.disposeNow();
        }
        assertThat(connections)
                .as("connections: a certificate failure is not retried")
                .hasValue(1);
    }

    @Test
    void baseUrisThatTwoParsersReadDifferentlyAreRefusedBeforeAnythingIsSent() {
        for (String base : new String[] {
            "http://user:pw@127.0.0.1:1/api/v2",
            "http://127.0.0.1:2@127.0.0.1:1/api/v2",
            "http://127.0.0.1:1#@127.0.0.1:2/api/v2"
        }) {
            assertThatThrownBy(() -> FirmafonClient.builder().baseUri(URI.create(base)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no user info, query or fragment")
                    .hasMessageNotContaining("pw");
        }
    }

    @Test
    void whatTheSdkCheckedIsWhatItConnectsTo() {
        try (RawServer server = RawServer.answeringEvery(json("{\"call\":{\"call_uuid\":\"c1\"}}"))) {
            // a port with leading zeros: java.net.URI reads the number; the SDK sends exactly that number
            URI padded = URI.create("http://127.0.0.1:00" + server.port() + "/api/v2");
            try (Firmafon firmafon = firmafon(padded, c -> c)) {
                StepVerifier.create(firmafon.calls().get("c1"))
                        .expectNextCount(1)
                        .expectComplete()
                        .verify(TIMEOUT);
                // an upper-case scheme is an absolute URL, sent to its host, never as a relative path
                String upper = "HTTP://127.0.0.1:" + server.port() + "/api/v2/calls/c1";
                StepVerifier.create(firmafon.client().retrieveJson(ApiRequest.get(upper)))
                        .expectNextCount(1)
                        .expectComplete()
                        .verify(TIMEOUT);
            }
            assertThat(server.heads())
                    .extracting(head -> head.substring(0, head.indexOf("\r\n")))
                    .containsExactly("GET /api/v2/calls/c1 HTTP/1.1", "GET /api/v2/calls/c1 HTTP/1.1");
        }
        assertThatThrownBy(() -> ApiRequest.get("http://127.0.0.1:1/api/v2/voice_mails/1/sound#x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fragment");
    }

    @Test
    void aQueryParameterCredentialGoesOnTheWireButIntoNoLibraryLog() {
        try (RawServer server = RawServer.answeringEvery(json("{\"call\":{\"call_uuid\":\"c1\"}}"));
                Firmafon firmafon = Firmafon.builder()
                        .baseUri(server.httpUri().resolve("/api/v2"))
                        .auth(AuthStrategy.queryParameter(TOKEN))
                        .build()) {
            StepVerifier.create(firmafon.calls().get("c1").repeat(2))
                    .expectNextCount(3)
                    .expectComplete()
                    .verify(TIMEOUT);
            assertThat(server.heads()).hasSize(3).allSatisfy(head -> assertThat(head)
                    .startsWith("GET /api/v2/calls/c1?access_token=" + TOKEN + " HTTP/1.1"));
        }
        // the suite's secrets guard, which reads every logger at DEBUG (Reactor Netty's and Netty's included),
        // fails this class if the token reached any log line
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 30\r\nContent-Length: 31", "Content-Length: -1"})
    void aMalformedContentLengthIsAMalformedResponseNotAConnectionFailure(String header) {
        try (RawServer server = RawServer.start(connection -> {
                    connection.readRequest();
                    connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + header + "\r\n\r\n"
                            + "{\"call\":{\"call_uuid\":\"c1\"}}  ");
                });
                Firmafon firmafon =
                        firmafon(server.httpUri().resolve("/api/v2"), c -> c.retryPolicy(RetryPolicy.none()))) {
            StepVerifier.create(firmafon.calls().get("c1"))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOfSatisfying(FirmafonIoException.class, io -> assertThat(io.kind())
                                    .isEqualTo(FirmafonIoException.Kind.MALFORMED_RESPONSE))
                            .hasMessageContaining("the response was not valid HTTP"))
                    .verify(TIMEOUT);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"employee\":{\"id\":1.9,\"name\":\"A\"}}",
                "{\"employee\":{\"id\":1,\"name\":\"A\"}} trailing",
                "{\"employee\":{\"id\":1,\"name\":\"A\"}}{\"employee\":{\"id\":2}}"
            })
    void aFractionForAnIdOrAnythingAfterTheDocumentIsADecodingError(String body) {
        try (RawServer server = RawServer.answeringEvery(json(body));
                Firmafon firmafon = firmafon(server.httpUri().resolve("/api/v2"), c -> c)) {
            StepVerifier.create(firmafon.employees().get(1))
                    .expectError(FirmafonDecodingException.class)
                    .verify(TIMEOUT);
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void aKeyThatAppearsTwiceTakesItsLastValueInTheEnvelopeAsInTheModel() {
        try (RawServer server = RawServer.answeringEvery(json("{\"employee\":{\"id\":1,\"name\":\"first\"},"
                        + "\"employee\":{\"id\":2,\"name\":\"A\",\"name\":\"last\"}}"));
                Firmafon firmafon = firmafon(server.httpUri().resolve("/api/v2"), c -> c)) {
            StepVerifier.create(firmafon.employees().get(2))
                    .assertNext(employee -> {
                        assertThat(employee.id()).isEqualTo(2);
                        assertThat(employee.name()).contains("last");
                    })
                    .expectComplete()
                    .verify(TIMEOUT);
        }
    }

    @Test
    void theTokenEchoedInAnErrorBodyOrHeaderInAnyEncodingIsMasked() {
        String encoded = TOKEN.replace("-", "%2D");
        try (RawServer server = RawServer.start(connection -> {
                    while (connection.readRequest() != null) {
                        String body = "<html>token " + TOKEN + " or " + encoded + "</html>";
                        connection.write("HTTP/1.1 403 Forbidden\r\nX-Echo: " + TOKEN + "\r\nContent-Length: "
                                + body.length() + "\r\n\r\n" + body);
                    }
                });
                Firmafon firmafon = firmafon(server.httpUri().resolve("/api/v2"), c -> c)) {
            StepVerifier.create(firmafon.calls().get("c1"))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(FirmafonApiException.class);
                        FirmafonApiException api = (FirmafonApiException) e;
                        assertThat(api.getMessage()).doesNotContain(TOKEN, encoded);
                        assertThat(api.bodyExcerpt()).hasValueSatisfying(excerpt -> assertThat(excerpt)
                                .doesNotContain(TOKEN, encoded)
                                .contains("[REDACTED]"));
                        assertThat(api.headers().get("x-echo")).containsExactly("[REDACTED]");
                    })
                    .verify(TIMEOUT);
        }
    }

    @Test
    void anErrorBodyWithoutEndIsCutAtItsLimitAndTheErrorSaysSo() {
        try (RawServer server = RawServer.start(connection -> {
                    connection.readRequest();
                    connection.write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n");
                    byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes();
                    for (int i = 0; i < 16_384; i++) { // 1 GiB unless the client stops reading
                        connection.write(chunk);
                    }
                });
                Firmafon firmafon =
                        firmafon(server.httpUri().resolve("/api/v2"), c -> c.retryPolicy(RetryPolicy.none()))) {
            StepVerifier.create(firmafon.calls().get("c1"))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(FirmafonApiException.class, api -> {
                        assertThat(api.status()).isEqualTo(500);
                        assertThat(api.bodyExcerpt())
                                .contains("(the body exceeds the limit of 65536 bytes"
                                        + " for an error body and was not read)");
                    }))
                    .verify(TIMEOUT);
        }
    }

    @Test
    void aHealthyServerStillAnswers() {
        try (RawServer server = RawServer.answeringEvery(json("{\"call\":{\"call_uuid\":\"c1\"}}"));
                Firmafon firmafon = firmafon(server.httpUri().resolve("/api/v2"), c -> c)) {
            StepVerifier.create(firmafon.calls()
                            .get("c1")
                            .map(call -> call.callUuid())
                            .then(Mono.just(1)))
                    .expectNext(1)
                    .expectComplete()
                    .verify(TIMEOUT);
        }
    }
}
