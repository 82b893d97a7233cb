package dk.firmafon.auth;

import static dk.firmafon.auth.OAuthFixtures.CLIENT_ID;
import static dk.firmafon.auth.OAuthFixtures.CLIENT_SECRET;
import static dk.firmafon.auth.OAuthFixtures.CODE;
import static dk.firmafon.auth.OAuthFixtures.REDIRECT;
import static dk.firmafon.auth.OAuthFixtures.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.firmafon.auth.internal.FormUrlEncoding;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.error.FirmafonTlsException;
import dk.firmafon.error.TokenEndpointException;
import dk.firmafon.testsupport.RawServer;
import dk.firmafon.testsupport.ReplyServer;
import dk.firmafon.testsupport.TestSecrets;
import dk.firmafon.testsupport.TestTls;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.DisposableServer;
import reactor.test.StepVerifier;

/**
 * The token endpoint as a hostile server plays it, on loopback: bodies without end, secrets echoed back in any
 * encoding, absurd token fields, answers trickled a byte at a time, TLS that never completes or cannot be trusted.
 * Every case ends in a typed error, in bounded time and memory, with no secret in any message.
 */
class HostileTokenEndpointTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static OAuth2Client client(URI tokenUri, Duration connect, Duration response, Duration attempt) {
        return OAuth2Client.builder()
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .redirectUri(REDIRECT)
                .tokenUri(tokenUri)
                .connectTimeout(connect)
                .responseTimeout(response)
                .attemptTimeout(attempt)
                .build();
    }

    private static OAuth2Client client(URI tokenUri) {
        return client(tokenUri, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    private static StepVerifier.FirstStep<OAuthToken> exchange(OAuth2Client client) {
        return StepVerifier.create(client.exchange(AuthorizationCode.of(CODE), client.authorizationRequest()));
    }

    @Test
    void anEndlessChunkedBodyIsCutAtTheLimitNotReadWhole() {
        AtomicLong written = new AtomicLong();
        try (RawServer server = RawServer.start(connection -> {
                    connection.readRequest();
                    connection.write(
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
                    byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes();
                    for (int i = 0; i < 16_384; i++) { // 1 GiB unless the client stops reading
                        connection.write(chunk);
                        written.addAndGet(0x10000);
                    }
                });
                OAuth2Client client = client(server.httpUri().resolve("/token"))) {
            exchange(client)
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(TokenEndpointException.class)
                            .hasMessageContaining("over the limit of 65536 bytes for a token response"))
                    .verify(TIMEOUT);
        }
        assertThat(written.get()).as("bytes the server got to write").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void aDeclaredHugeBodyIsRefusedBeforeReadingIt() {
        try (RawServer server = RawServer.start(connection -> {
                    connection.readRequest();
                    connection.write(
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{");
                    connection.drainUntilClosed();
                });
                OAuth2Client client = client(server.httpUri().resolve("/token"))) {
            exchange(client)
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(TokenEndpointException.class)
                            .hasMessageContaining("1073741824 bytes declared")
                            .hasMessageContaining("65536"))
                    .verify(TIMEOUT);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"error\":\"invalid_grant\",\"error_description\":\"bad client_secret=%SECRET%; code=%CODE%\"}",
                "{\"error\":\"invalid_grant\",\"error_description\":\"secret;%SECRET%;verifier;%VERIFIER%\"}",
                "{\"error\":\"invalid_request\",\"error_description\":\"got client_secret%3D%FORM_SECRET%%26code%3D%CODE%\"}",
                "{\"error\":\"%SECRET%\"}",
                "<html>client secret %SECRET% and code %CODE% and %EVERY_BYTE_SECRET%</html>",
                "{\"message\":\"echo %JSON_SECRET% %BASE64_SECRET%\"}"
            })
    void secretsTheServerEchoesAreMaskedByValueInEveryEncoding(String template) {
        String secret = TestSecrets.CLIENT_SECRET;
        String body = template.replace("%SECRET%", secret)
                .replace("%CODE%", CODE)
                .replace("%FORM_SECRET%", FormUrlEncoding.encode(secret).replace("%", "%25"))
                .replace("%EVERY_BYTE_SECRET%", everyByte(secret))
                .replace("%JSON_SECRET%", secret.replace("/", "\\/"))
                .replace("%BASE64_SECRET%", java.util.Base64.getEncoder().encodeToString(secret.getBytes()));
        try (ReplyServer server = ReplyServer.start();
                OAuth2Client client = client(server.baseUri().resolve("/token"))) {
            AuthorizationRequest request = client.authorizationRequest();
            String verifier = request.codeVerifier().orElseThrow();
            server.reply(ReplyServer.Reply.json(400, body.replace("%VERIFIER%", verifier)));
            StepVerifier.create(client.exchange(AuthorizationCode.of(CODE), request))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(TokenEndpointException.class).hasMessageContaining("400");
                        assertNoSecret(e);
                        assertThat(e.getMessage()).doesNotContain(verifier).contains("[REDACTED]");
                        TokenEndpointException t = (TokenEndpointException) e;
                        t.errorDescription().ifPresent(d -> assertThat(d).doesNotContain(secret, verifier));
                        t.bodyExcerpt().ifPresent(d -> assertThat(d).doesNotContain(secret, verifier));
                    })
                    .verify(TIMEOUT);
        }
    }

    private static String everyByte(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes()) {
            out.append(String.format("%%%02x", b));
        }
        return out.toString();
    }

    @Test
    void theBodyOfASuccessfulAnswerWithoutAnAccessTokenIsNeverPrinted() {
        try (ReplyServer server = ReplyServer.start();
                OAuth2Client client = client(server.baseUri().resolve("/token"))) {
            server.reply(ReplyServer.Reply.json(200, "{\"accessToken\":\"" + OAuthFixtures.ACCESS + "\"}"));
            exchange(client)
                    .expectErrorSatisfies(e -> {
                        assertThat(e)
                                .isInstanceOf(TokenEndpointException.class)
                                .hasMessageContaining("answered 200 with no access_token")
                                .hasMessageContaining("never printed");
                        assertThat(((TokenEndpointException) e).bodyExcerpt()).isEmpty();
                        assertNoSecret(e);
                    })
                    .verify(TIMEOUT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "\"abc\"", "1e30", "0.5", "\"-1\"", "true", "{}"})
    void anExpiresInThatIsNotAWholeNonNegativeNumberIsRefusedNamingIt(String expiresIn) {
        try (ReplyServer server = ReplyServer.start();
                OAuth2Client client = client(server.baseUri().resolve("/token"))) {
            server.reply(ReplyServer.Reply.json(
                    200,
                    "{\"access_token\":\"" + OAuthFixtures.ACCESS + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                            + expiresIn + "}"));
            exchange(client)
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(TokenEndpointException.class).hasMessageContaining("expires_in");
                        assertNoSecret(e);
                    })
                    .verify(TIMEOUT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999999999999", "9223372036854775807", "99999999999999999999999999"})
    void anExpiresInBeyondTenYearsCountsAsTenYears(String expiresIn) {
        try (ReplyServer server = ReplyServer.start();
                OAuth2Client client = client(server.baseUri().resolve("/token"))) {
            server.reply(ReplyServer.Reply.json(
                    200,
                    "{\"access_token\":\"" + OAuthFixtures.ACCESS + "\",\"token_type\":\"bearer\",\"expires_in\":"
                            + expiresIn + "}"));
            exchange(client)
                    .assertNext(token -> {
                        assertThat(token.expiresIn()).contains(Duration.ofDays(3653));
                        assertThat(token.expiresAt()).isPresent();
                    })
                    .expectComplete()
                    .verify(TIMEOUT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"mac\"", "\"DPoP\"", "7"})
    void aTokenTypeOtherThanBearerIsRefused(String type) {
        try (ReplyServer server = ReplyServer.start();
                OAuth2Client client = client(server.baseUri().resolve("/token"))) {
            server.reply(ReplyServer.Reply.json(
                    200, "{\"access_token\":\"" + OAuthFixtures.ACCESS + "\",\"token_type\":" + type + "}"));
            exchange(client)
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(TokenEndpointException.class)
                            .hasMessageContaining("token_type")
                            .hasMessageContaining("only Bearer"))
                    .verify(TIMEOUT);
        }
    }

    @Test
    void createdAtBeyondTheYear9999AndAnAccessTokenAHeaderCannotCarryAreRefused() {
        try (ReplyServer server = ReplyServer.start();
                OAuth2Client client = client(server.baseUri().resolve("/token"))) {
            server.reply(ReplyServer.Reply.json(
                    200, "{\"access_token\":\"" + OAuthFixtures.ACCESS + "\",\"created_at\":99999999999999}"));
            exchange(client)
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(TokenEndpointException.class)
                            .hasMessageContaining("created_at"))
                    .verify(TIMEOUT);
            server.reply(ReplyServer.Reply.json(200, "{\"access_token\":\"abc\\r\\nX-Injected: 1\"}"));
            exchange(client)
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(TokenEndpointException.class)
                            .hasMessageContaining("access_token"))
                    .verify(TIMEOUT);
        }
    }

    @Test
    void aTrickledAnswerEndsAtTheAttemptDeadline() {
        try (RawServer server = RawServer.start(connection -> {
                    connection.readRequest();
                    connection.write(
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n");
                    for (int i = 0; i < 1000; i++) {
                        connection.write(" ");
                        connection.pause(500);
                    }
                });
                OAuth2Client client = client(
                        server.httpUri().resolve("/token"),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2))) {
            long start = System.nanoTime();
            exchange(client)
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOfSatisfying(FirmafonIoException.class, io -> assertThat(io.kind())
                                    .isEqualTo(FirmafonIoException.Kind.ATTEMPT_TIMEOUT))
                            .hasMessageContaining("within 2 s (attemptTimeout)"))
                    .verify(TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void aTlsHandshakeThatNeverCompletesCountsAgainstTheConnectTimeout() {
        try (RawServer server = RawServer.start(RawServer.Connection::drainUntilClosed);
                OAuth2Client client = client(
                        server.httpsUri().resolve("/token"),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20))) {
            exchange(client)
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOfSatisfying(FirmafonIoException.class, io -> {
                                assertThat(io.kind()).isEqualTo(FirmafonIoException.Kind.TLS_HANDSHAKE_TIMEOUT);
                                assertThat(io.requestMayHaveBeenSent()).isFalse();
                            })
                            .hasMessageContaining("TLS handshake did not complete within 1 s"))
                    .verify(Duration.ofSeconds(8));
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void anUntrustedCertificateIsATypedSecurityErrorAfterOneConnection() {
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        DisposableServer server = TestTls.server(TestTls.selfSigned(), "{\"access_token\":\"never\"}", connections);
        try (OAuth2Client client = client(URI.create("https://127.0.0.1:" + server.port() + "/token"))) {
            exchange(client)
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(FirmafonTlsException.class)
                            .hasMessageContaining("certificate could not be verified")
                            .hasMessageContaining("not retried"))
                    .verify(TIMEOUT);
            assertThat(connections)
                    .as("connections: the handshake is not repeated")
                    .hasValue(1);
        } finally {
            server.disposeNow();
        }
    }

    @Test
    void tokenAndRedirectUrisWithUserInfoOrAFragmentAreRefusedAtBuild() {
        assertThatThrownBy(() -> client(URI.create("http://user:pw@127.0.0.1:1/token")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tokenUri must not contain user info")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> client(URI.create("http://127.0.0.1:1#@127.0.0.1:2/token")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tokenUri must not contain a fragment");
        assertThatThrownBy(() -> OAuth2Client.builder()
                        .clientId(CLIENT_ID)
                        .clientSecret(CLIENT_SECRET)
                        .redirectUri(URI.create("https://app.example/callback#x"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("redirectUri must not contain a fragment");
    }
}
