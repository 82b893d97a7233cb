package dk.firmafon.cli;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.net.HttpProxy;
import dk.firmafon.net.NetworkSettings;
import dk.firmafon.testkit.FakeFirmafon;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The SDK client a command talks through, configured from {@link Settings}: the real service (or any base URL)
 * with a token from {@code FIRMAFON_TOKEN} or the token file, or, with neither a token nor a base URL, the
 * embedded fake Firmafon on loopback.
 */
final class Connection implements AutoCloseable {
    private final Firmafon firmafon;
    private final @Nullable FakeFirmafon embedded;

    private Connection(FirmafonClient client, @Nullable FakeFirmafon embedded) {
        this.firmafon = Firmafon.create(client);
        this.embedded = embedded;
    }

    static Connection open(Settings settings, TokenFile tokenFile, PrintWriter err) {
        Optional<TokenFile.Stored> stored = settings.token().isPresent() ? Optional.empty() : tokenFile.read();
        if (settings.embedded(stored.isPresent())) {
            FakeFirmafon embedded = FakeFirmafon.start();
            err.println("firmafon: no FIRMAFON_TOKEN or FIRMAFON_BASE_URL set: using the embedded fake Firmafon at "
                    + embedded.baseUri() + " (made-up data)");
            err.flush();
            FirmafonClient client = FirmafonClient.builder()
                    .baseUri(embedded.baseUri())
                    .network(network(settings))
                    .auth(AuthStrategy.bearer(embedded.accessToken()))
                    .build();
            return new Connection(client, embedded);
        }
        URI baseUrl = settings.baseUrl()
                .or(() -> stored.map(TokenFile.Stored::baseUrl))
                .orElse(FirmafonClient.FIRMAFON);
        AuthStrategy auth = settings.token()
                .map(token -> strategy(settings.authMode(), token))
                .or(() -> stored.map(token -> AuthStrategy.bearer(token.accessToken())))
                .orElseThrow(() -> new NotSignedInException(
                        "not signed in to " + baseUrl + ": set FIRMAFON_TOKEN or run `firmafon auth login`"));
        FirmafonClient client = FirmafonClient.builder()
                .baseUri(baseUrl)
                .network(network(settings))
                .auth(auth)
                .build();
        Optional<TokenFile.Stored> refreshable = stored.filter(
                token -> token.oauth().flatMap(OAuthToken::refreshToken).isPresent());
        if (settings.token().isEmpty()
                && refreshable.isPresent()
                && settings.clientId().isPresent()
                && settings.clientSecret().isPresent()) {
            // the stored token has a refresh token and the OAuth application is configured: refresh when it
            // expires, and keep the new one (and its new refresh token) in the profile's token file
            OAuth2Client.Builder oauth = client.oauth2Client()
                    .clientId(settings.clientId().get())
                    .clientSecret(settings.clientSecret().get())
                    .redirectUri(settings.redirectUri().orElse(AuthCommand.DEFAULT_REDIRECT_URI))
                    .tokenStore(tokenFile.asStore(baseUrl));
            settings.tokenUrl().ifPresent(oauth::tokenUri);
            settings.authorizeUrl().ifPresent(oauth::authorizeUri);
            client = client.withAuth(oauth.build().forUser("cli"));
        }
        return new Connection(client, null);
    }

    /**
     * The network settings of every request: {@code --proxy} or {@code FIRMAFON_PROXY} when given, else the
     * system's ({@code HTTPS_PROXY} / {@code HTTP_PROXY} / {@code NO_PROXY}, the JVM's proxy properties).
     */
    static NetworkSettings network(Settings settings) {
        NetworkSettings.Builder network = NetworkSettings.builder().userAgent("firmafon-cli");
        Optional<URI> proxy = settings.proxy();
        if (proxy.isEmpty()) {
            return network.systemProxy(true).build();
        }
        URI uri = proxy.get();
        try {
            return network.proxy(HttpProxy.fromUrl("the proxy", uri.toString())).build();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    "the proxy must be an http:// URL with a host, was " + uri.getScheme() + "://" + uri.getHost());
        }
    }

    private static AuthStrategy strategy(Settings.AuthMode mode, String token) {
        return switch (mode) {
            case BEARER -> AuthStrategy.bearer(token);
            case QUERY -> AuthStrategy.queryParameter(token);
            case BASIC -> AuthStrategy.basic(token);
        };
    }

    FirmafonClient client() {
        return firmafon.client();
    }

    /** Every resource client, over {@link #client()}. */
    Firmafon firmafon() {
        return firmafon;
    }

    /** The embedded fake, when the CLI runs against it. */
    Optional<FakeFirmafon> embedded() {
        return Optional.ofNullable(embedded);
    }

    /**
     * Closes at once ({@code close()}, not {@code closeGracefully}): a command has printed its answer, or was
     * interrupted, and whatever still runs is no longer wanted.
     */
    @Override
    public void close() {
        try {
            firmafon.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
