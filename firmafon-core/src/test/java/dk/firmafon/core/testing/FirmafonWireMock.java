package dk.firmafon.core.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.testsupport.TestSecrets;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The SDK's WireMock test base, shared by every module through firmafon-core's test-jar: a WireMock server on a
 * dynamic port for the test class (WireMock's own JUnit 5 extension, so {@code stubFor}, {@code verify},
 * {@code findAll} work as usual), and {@link FirmafonClient}s pointed at it with a bearer token, each closed after
 * its test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FirmafonWireMock wm = FirmafonWireMock.atApiV2();
 *
 * ContactsClient contacts = ContactsClient.create(wm.client());
 * }</pre>
 */
public final class FirmafonWireMock extends WireMockExtension {
    /** The bearer token every client sends. */
    public static final String TOKEN = TestSecrets.TEST_TOKEN;
    /** {@code Authorization} as the server sees it. */
    public static final String BEARER = "Bearer " + TOKEN;

    private final String basePath;
    private final List<FirmafonClient> clients = new CopyOnWriteArrayList<>();

    private FirmafonWireMock(WireMockConfiguration options, String basePath) {
        super(WireMockExtension.newInstance().options(options));
        this.basePath = basePath;
    }

    /** Clients whose base URI is the server itself: stubs match {@code /calls}. */
    public static FirmafonWireMock atRoot() {
        return new FirmafonWireMock(wireMockConfig().dynamicPort(), "");
    }

    /** Clients whose base URI is {@code <server>/api/v2}, as in production: stubs match {@code /api/v2/calls}. */
    public static FirmafonWireMock atApiV2() {
        return new FirmafonWireMock(wireMockConfig().dynamicPort(), "/api/v2");
    }

    /** As {@link #atRoot()} or {@link #atApiV2()}, with WireMock options of the test's own (e.g. extensions). */
    public static FirmafonWireMock with(WireMockConfiguration options, String basePath) {
        return new FirmafonWireMock(options, basePath);
    }

    /** The API base the clients use. */
    public URI apiBaseUri() {
        return URI.create(baseUrl() + basePath);
    }

    /** A bearer-token client with the SDK's defaults, closed after the test. */
    public FirmafonClient client() {
        return client(builder -> builder);
    }

    /** A bearer-token client customised by {@code customize}, closed after the test. */
    public FirmafonClient client(UnaryOperator<FirmafonClient.Builder> customize) {
        FirmafonClient client = customize
                .apply(FirmafonClient.builder().baseUri(apiBaseUri()).auth(AuthStrategy.bearer(TOKEN)))
                .build();
        clients.add(client);
        return client;
    }

    @Override
    protected void onAfterEach(WireMockRuntimeInfo wireMockRuntimeInfo) {
        clients.forEach(FirmafonClient::close);
        clients.clear();
    }
}
