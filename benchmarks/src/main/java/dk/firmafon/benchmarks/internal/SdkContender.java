package dk.firmafon.benchmarks.internal;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.calls.CallQuery;
import dk.firmafon.calls.CallsClient;
import dk.firmafon.core.FirmafonClient;
import java.net.URI;
import reactor.core.publisher.Mono;

/** The SDK as its README shows it: one {@link FirmafonClient} with a bearer token, and a {@link CallsClient} on it. */
public final class SdkContender implements Contender {
    private static final CallQuery NEWEST_PAGE =
            CallQuery.builder().limit(CallsServer.PAGE_SIZE).build();

    private final FirmafonClient client;
    private final CallsClient calls;

    public SdkContender(URI baseUri) {
        client = client(baseUri);
        calls = CallsClient.create(client);
    }

    /** The SDK client every SDK measurement uses. */
    public static FirmafonClient client(URI baseUri) {
        return FirmafonClient.builder()
                .baseUri(baseUri)
                .auth(AuthStrategy.bearer(CallsServer.TOKEN))
                .maxConnections(MAX_CONNECTIONS)
                .network(dk.firmafon.net.NetworkSettings.builder()
                        .compression(CallsServer.COMPRESSION)
                        .build())
                .build();
    }

    @Override
    public String name() {
        return "SDK";
    }

    @Override
    public Mono<Integer> getCall() {
        return calls.get(CallsServer.KNOWN_UUID).map(call -> 1);
    }

    @Override
    public Mono<Integer> newestPage() {
        return calls.page(NEWEST_PAGE, null).map(page -> page.items().size());
    }

    @Override
    public void close() {
        client.close();
    }
}
