package dk.firmafon.examples.cli;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.FirmafonClient;
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
        return new Connection(
                FirmafonClient.builder().baseUri(baseUrl).auth(auth).build(), null);
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
