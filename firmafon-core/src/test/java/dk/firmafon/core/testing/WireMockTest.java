package dk.firmafon.core.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.net.RetryPolicy;
import dk.firmafon.testsupport.CapturedLogs;
import dk.firmafon.testsupport.TestSecrets;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Shared base: one WireMock server on a dynamic port per test class, reset before each test; clients closed after. */
public abstract class WireMockTest {
    protected static final String TOKEN = TestSecrets.CORE_TOKEN;
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    protected static WireMockServer server;
    private final List<FirmafonClient> clients = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().dynamicPort().asynchronousResponseEnabled(false));
        server.start();
    }

    /** Netty leaks are checked after every test class by firmafon-test-support's guard. */
    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
        CapturedLogs.clear();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(FirmafonClient::close);
    }

    /** {@code http://localhost:<port>/api/v2}. */
    protected static URI baseUri() {
        return URI.create("http://localhost:" + server.port() + "/api/v2");
    }

    /** Fast retries (1 ms, no jitter) so retry tests take no time. */
    protected static RetryPolicy fastRetries(int maxAttempts) {
        return RetryPolicy.builder()
                .maxAttempts(maxAttempts)
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5))
                .jitter(0)
                .build();
    }

    protected FirmafonClient client() {
        return client(b -> b);
    }

    /** A bearer-token client against WireMock with fast retries, customised by {@code customize}. */
    protected FirmafonClient client(UnaryOperator<FirmafonClient.Builder> customize) {
        FirmafonClient.Builder builder = FirmafonClient.builder()
                .baseUri(baseUri())
                .auth(AuthStrategy.bearer(TOKEN))
                .retryPolicy(fastRetries(3))
                .responseTimeout(Duration.ofSeconds(5));
        FirmafonClient client = customize.apply(builder).build();
        clients.add(client);
        return client;
    }

    protected static String path(String relative) {
        return "/api/v2" + relative;
    }
}
