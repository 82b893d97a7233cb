package dk.firmafon.core.netty;

import reactor.netty.http.client.HttpClient;

/**
 * The escape hatch: hands the SDK a Reactor Netty {@link HttpClient} you configured yourself (proxy, TLS, metrics,
 * your own {@code ConnectionProvider}). This is the only public SDK type that mentions Reactor Netty; use it only
 * when the builder's options are not enough.
 *
 * <pre>{@code
 * FirmafonClient client = FirmafonClient.builder()
 *     .auth(AuthStrategy.bearer(token))
 *     .httpClient(NettyHttpClient.of(HttpClient.create(myProvider).proxy(...)))
 *     .build();
 * }</pre>
 *
 * <p>The SDK derives its own configuration from it: {@code Accept} and {@code User-Agent} headers, the connect and
 * response timeouts, and no redirect following (credentials must not follow a redirect to another host). The
 * pool-acquire timeout and maximum connections are then your {@code ConnectionProvider}'s, and
 * {@link dk.firmafon.core.FirmafonClient#close()} leaves your client and its pool alone.
 */
public final class NettyHttpClient {
    private final HttpClient httpClient;

    private NettyHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    /**
     * Wraps {@code httpClient}.
     *
     * @throws IllegalArgumentException when {@code httpClient} is null
     */
    public static NettyHttpClient of(HttpClient httpClient) {
        if (httpClient == null) {
            throw new IllegalArgumentException("httpClient must not be null");
        }
        return new NettyHttpClient(httpClient);
    }

    /** The wrapped client, as passed to {@link #of(HttpClient)}. */
    public HttpClient httpClient() {
        return httpClient;
    }
}
