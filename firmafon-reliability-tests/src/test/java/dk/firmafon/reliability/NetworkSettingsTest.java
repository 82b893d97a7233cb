package dk.firmafon.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.AuthorizationCode;
import dk.firmafon.auth.AuthorizationRequest;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.error.FirmafonTlsException;
import dk.firmafon.net.HttpProxy;
import dk.firmafon.net.NetworkSettings;
import dk.firmafon.testsupport.Secrets;
import dk.firmafon.testsupport.TestProxy;
import dk.firmafon.testsupport.TestTls;
import io.netty.pkitesting.X509Bundle;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/**
 * One network configuration for API calls and the token endpoint alike, against real components on loopback: a real
 * forward proxy (LittleProxy, authenticating, tunnelling with CONNECT), a TLS server whose certificate a test CA
 * issued, a server that compresses its answers.
 */
class NetworkSettingsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TOKEN = Secrets.register(Secrets.Kind.ACCESS_TOKEN, "network-settings-token-1");
    private static final String PROXY_PASSWORD = Secrets.register("proxy-password-for-tests");
    private static final String CLIENT_SECRET = Secrets.register(Secrets.Kind.CLIENT_SECRET, "network-client-secret");
    private static final String CODE = Secrets.register(Secrets.Kind.AUTHORIZATION_CODE, "network-auth-code-1");

    /** What the origin saw: "GET /api/v2/calls/c1 | Authorization | User-Agent | Accept-Encoding". */
    private final List<String> origin = new CopyOnWriteArrayList<>();

    private TestProxy proxy;
    private DisposableServer api;

    @BeforeEach
    void start() {
        proxy = TestProxy.start(PROXY_PASSWORD);
        api = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .compress(true)
                .handle((request, response) -> {
                    origin.add(request.method() + " " + request.uri() + " | "
                            + request.requestHeaders().get("Authorization")
                            + " | " + request.requestHeaders().get("User-Agent") + " | "
                            + request.requestHeaders().get("Accept-Encoding"));
                    String body = request.uri().endsWith("/token")
                            ? "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}"
                            : "{\"call\":{\"call_uuid\":\"c1\",\"endpoint_name\":\"" + "x".repeat(4000) + "\"}}";
                    return request.receive()
                            .then()
                            .then(response.header("Content-Type", "application/json")
                                    .sendString(Mono.just(body))
                                    .then());
                })
                .bindNow();
    }

    @AfterEach
    void stop() {
        proxy.close();
        api.disposeNow();
    }

    private URI apiBase() {
        return URI.create("http://127.0.0.1:" + api.port() + "/api/v2");
    }

    private HttpProxy authenticatingProxy() {
        return HttpProxy.of("127.0.0.1", proxy.port()).withCredentials(TestProxy.USER, PROXY_PASSWORD);
    }

    @Test
    void apiCallsGoThroughTheProxyWhichGetsItsOwnCredentialsAndNeverTheApiToken() {
        NetworkSettings network =
                NetworkSettings.builder().proxy(authenticatingProxy()).build();
        try (Firmafon firmafon = Firmafon.builder()
                .baseUri(apiBase())
                .auth(AuthStrategy.bearer(TOKEN))
                .client(c -> c.network(network))
                .build()) {
            StepVerifier.create(firmafon.calls().get("c1").map(call -> call.callUuid()))
                    .expectNext("c1")
                    .expectComplete()
                    .verify(TIMEOUT);
        }
        assertThat(proxy.requests()).containsExactly("CONNECT 127.0.0.1:" + api.port());
        // the proxy authenticated the CONNECT with its own credentials (a wrong or missing one is a 407 and no call)
        assertThat(proxy.logins())
                .containsExactly("svc-firmafon:" + PROXY_PASSWORD)
                .noneMatch(value -> value.contains(TOKEN));
        assertThat(origin).singleElement().asString().startsWith("GET /api/v2/calls/c1 | Bearer " + TOKEN + " | ");
    }

    @Test
    void tokenRequestsGoThroughTheSameProxy() {
        NetworkSettings network =
                NetworkSettings.builder().proxy(authenticatingProxy()).build();
        try (OAuth2Client oauth = OAuth2Client.builder()
                .clientId("network-client")
                .clientSecret(CLIENT_SECRET)
                .redirectUri(URI.create("https://app.example/callback"))
                .baseUri(apiBase())
                .network(network)
                .build()) {
            AuthorizationRequest request = oauth.authorizationRequest();
            StepVerifier.create(
                            oauth.exchange(AuthorizationCode.of(CODE), request).map(token -> token.accessToken()))
                    .expectNext(TOKEN)
                    .expectComplete()
                    .verify(TIMEOUT);
        }
        assertThat(proxy.requests()).containsExactly("CONNECT 127.0.0.1:" + api.port());
        assertThat(origin).singleElement().asString().startsWith("POST /api/v2/token | null | ");
    }

    @Test
    void anOAuthClientFromTheApiClientSharesItsProxyAndItsPool() {
        NetworkSettings network =
                NetworkSettings.builder().proxy(authenticatingProxy()).build();
        try (FirmafonClient client = FirmafonClient.builder()
                        .baseUri(apiBase())
                        .auth(AuthStrategy.bearer(TOKEN))
                        .network(network)
                        .maxConnections(1)
                        .build();
                OAuth2Client oauth = client.oauth2Client()
                        .clientId("network-client")
                        .clientSecret(CLIENT_SECRET)
                        .redirectUri(URI.create("https://app.example/callback"))
                        .build()) {
            Firmafon firmafon = Firmafon.create(client);
            StepVerifier.create(firmafon.calls()
                            .get("c1")
                            .then(oauth.exchange(AuthorizationCode.of(CODE), oauth.authorizationRequest()))
                            .then(firmafon.calls().get("c1")))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(TIMEOUT);
        }
        // one pooled connection, one tunnel: the token request rode the API client's connection
        assertThat(proxy.requests()).containsExactly("CONNECT 127.0.0.1:" + api.port());
        assertThat(origin)
                .extracting(line -> line.substring(0, line.indexOf(" |")))
                .containsExactly("GET /api/v2/calls/c1", "POST /api/v2/token", "GET /api/v2/calls/c1");
    }

    @Test
    void theApplicationsUserAgentComesFirstForApiAndTokenRequests() {
        NetworkSettings network =
                NetworkSettings.builder().userAgent("myapp/1.2").build();
        try (FirmafonClient client = FirmafonClient.builder()
                        .baseUri(apiBase())
                        .auth(AuthStrategy.bearer(TOKEN))
                        .network(network)
                        .build();
                OAuth2Client oauth = client.oauth2Client()
                        .clientId("network-client")
                        .clientSecret(CLIENT_SECRET)
                        .redirectUri(URI.create("https://app.example/callback"))
                        .build()) {
            StepVerifier.create(Firmafon.create(client.withAuth(AuthStrategy.bearer(TOKEN)))
                            .calls()
                            .get("c1")
                            .then(oauth.exchange(AuthorizationCode.of(CODE), oauth.authorizationRequest())))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(TIMEOUT);
        }
        assertThat(origin).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains(" | myapp/1.2 " + FirmafonClient.userAgent() + " | "));
    }

    @Test
    void compressionAsksForGzipAndReadsTheCompressedAnswer() {
        try (Firmafon plain = Firmafon.builder()
                        .baseUri(apiBase())
                        .auth(AuthStrategy.bearer(TOKEN))
                        .build();
                Firmafon compressed = Firmafon.builder()
                        .baseUri(apiBase())
                        .auth(AuthStrategy.bearer(TOKEN))
                        .client(c -> c.network(
                                NetworkSettings.builder().compression(true).build()))
                        .build()) {
            StepVerifier.create(plain.calls()
                            .get("c1")
                            .map(call -> call.endpointName().orElseThrow().length()))
                    .expectNext(4000)
                    .expectComplete()
                    .verify(TIMEOUT);
            StepVerifier.create(compressed.calls().get("c1").map(call -> call.endpointName()
                            .orElseThrow()
                            .length()))
                    .expectNext(4000)
                    .expectComplete()
                    .verify(TIMEOUT);
        }
        assertThat(origin).hasSize(2);
        assertThat(origin.get(0)).endsWith(" | null");
        assertThat(origin.get(1)).contains("gzip");
    }

    @Test
    void aServerCertificateOfATestCaIsTrustedThroughTheSettingAndRefusedWithout() {
        X509Bundle ca = TestTls.certificateAuthority();
        AtomicInteger connections = new AtomicInteger();
        DisposableServer tls = TestTls.server(TestTls.issuedBy(ca), "{\"call\":{\"call_uuid\":\"c1\"}}", connections);
        URI base = URI.create("https://127.0.0.1:" + tls.port() + "/api/v2");
        NetworkSettings trusting = NetworkSettings.builder()
                .trustedCertificates(TestTls.pemFile(ca))
                .build();
        try (Firmafon trusted = Firmafon.builder()
                        .baseUri(base)
                        .auth(AuthStrategy.bearer(TOKEN))
                        .client(c -> c.network(trusting))
                        .build();
                Firmafon untrusted = Firmafon.builder()
                        .baseUri(base)
                        .auth(AuthStrategy.bearer(TOKEN))
                        .build()) {
            StepVerifier.create(trusted.calls().get("c1").map(call -> call.callUuid()))
                    .expectNext("c1")
                    .expectComplete()
                    .verify(TIMEOUT);
            StepVerifier.create(untrusted.calls().get("c1"))
                    .expectError(FirmafonTlsException.class)
                    .verify(TIMEOUT);
        } finally {
            tls.disposeNow();
        }
    }

    @Test
    void theTokenEndpointTrustsTheSameTestCa() {
        X509Bundle ca = TestTls.certificateAuthority();
        DisposableServer tls =
                TestTls.server(TestTls.issuedBy(ca), "{\"access_token\":\"" + TOKEN + "\"}", new AtomicInteger());
        NetworkSettings trusting = NetworkSettings.builder()
                .trustedCertificates(TestTls.pemFile(ca))
                .build();
        try (OAuth2Client oauth = OAuth2Client.builder()
                .clientId("network-client")
                .clientSecret(CLIENT_SECRET)
                .redirectUri(URI.create("https://app.example/callback"))
                .tokenUri(URI.create("https://127.0.0.1:" + tls.port() + "/token"))
                .network(trusting)
                .build()) {
            StepVerifier.create(oauth.exchange(AuthorizationCode.of(CODE), oauth.authorizationRequest())
                            .map(token -> token.accessToken()))
                    .expectNext(TOKEN)
                    .expectComplete()
                    .verify(TIMEOUT);
        } finally {
            tls.disposeNow();
        }
    }
}
