package dk.firmafon.cli;

import dk.firmafon.auth.AuthorizationCode;
import dk.firmafon.auth.AuthorizationRequest;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.testkit.FakeFirmafon;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code firmafon auth ...}: the OAuth 2.0 code flow for a developer on their own machine. {@code login} does it all
 * (URL, browser, loopback callback, state check, exchange, stored token); {@code url} and {@code exchange} split it
 * for redirect URIs the CLI cannot listen on; {@code logout} forgets the stored token.
 */
@Command(
        name = "auth",
        description = "Sign in with OAuth (FIRMAFON_CLIENT_ID, FIRMAFON_CLIENT_SECRET, FIRMAFON_REDIRECT_URI).",
        subcommands = {
            AuthCommand.Login.class,
            AuthCommand.Url.class,
            AuthCommand.Exchange.class,
            AuthCommand.Logout.class
        })
final class AuthCommand {
    /** The redirect URI when FIRMAFON_REDIRECT_URI is not set. */
    static final URI DEFAULT_REDIRECT_URI = URI.create("http://127.0.0.1:8765/callback");

    /** The OAuth application from the environment, or the embedded fake's when the CLI runs against it. */
    private static OAuth2Client oauth(CliContext context, Optional<URI> redirectOverride) {
        Settings settings = context.settings();
        Optional<FakeFirmafon> fake = context.embedded();
        OAuth2Client.Builder builder = OAuth2Client.builder();
        if (fake.isPresent()) {
            builder.clientId(settings.clientId().orElse(fake.get().clientId()))
                    .clientSecret(settings.clientSecret().orElse(fake.get().clientSecret()))
                    .redirectUri(redirectOverride.orElse(
                            settings.redirectUri().orElse(fake.get().redirectUri())))
                    .baseUri(fake.get().baseUri());
        } else {
            builder.clientId(settings.clientId().orElseThrow(() -> missing(Settings.CLIENT_ID)))
                    .clientSecret(settings.clientSecret().orElseThrow(() -> missing(Settings.CLIENT_SECRET)))
                    .redirectUri(redirectOverride.orElse(settings.redirectUri().orElse(DEFAULT_REDIRECT_URI)))
                    .baseUri(apiBase(context));
        }
        settings.authorizeUrl().ifPresent(builder::authorizeUri);
        settings.tokenUrl().ifPresent(builder::tokenUri);
        builder.network(Connection.network(settings));
        return builder.build();
    }

    private static ConfigurationException missing(String variable) {
        return new ConfigurationException(variable + " is not set: the auth commands need your OAuth application's "
                + "client id, client secret and redirect URI");
    }

    /** The API the token is for. */
    private static URI apiBase(CliContext context) {
        return context.settings().baseUrl().orElse(FirmafonClient.FIRMAFON);
    }

    /** Exchanges the code, and stores the token unless the CLI runs against the embedded fake. */
    private static void finish(
            CliContext context,
            Output output,
            OAuth2Client oauth,
            AuthorizationCode code,
            AuthorizationRequest request) {
        OAuthToken token = CliCommand.await(oauth.exchange(code, request));
        if (context.embedded().isPresent()) {
            output.done("signed in to the embedded fake Firmafon (token not stored: the fake lives only as long as"
                    + " this command)");
            return;
        }
        TokenFile tokenFile = context.tokenFile();
        tokenFile.write(TokenFile.Stored.of(token, apiBase(context)));
        output.done("signed in; token stored in " + tokenFile.path() + " (readable by you only)");
    }

    @Command(
            name = "login",
            description = {
                "Sign in in a browser: prints (and tries to open) the authorization URL, receives the callback on the",
                "redirect URI's loopback port, checks state, exchanges the code and stores the token for later commands."
            })
    static final class Login extends CliCommand {
        @Option(
                names = "--timeout",
                paramLabel = "SECONDS",
                defaultValue = "300",
                description = "How long to wait for the callback (default ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        Login(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            Optional<FakeFirmafon> fake = context.embedded();
            URI redirect = context.settings()
                    .redirectUri()
                    .orElse(fake.map(FakeFirmafon::redirectUri).orElse(DEFAULT_REDIRECT_URI));
            // the listener needs the client (to check the callback), the client needs the listener's real port
            OAuth2Client[] oauth = new OAuth2Client[1];
            AuthorizationRequest[] request = new AuthorizationRequest[1];
            try (CallbackListener<AuthorizationCode> listener =
                    CallbackListener.start(redirect, callback -> oauth[0].authorizationCode(callback, request[0]))) {
                oauth[0] = oauth(context, Optional.of(listener.redirectUri()));
                try {
                    request[0] = oauth[0].authorizationRequest();
                    URI uri = request[0].uri();
                    out().println("Open this URL in a browser to sign in to Firmafon:");
                    out().println("  " + uri);
                    out().flush();
                    boolean opened = context.browser().open(uri);
                    err().println("firmafon: " + (opened ? "opened your browser; " : "")
                            + "waiting for the callback on " + listener.redirectUri());
                    err().flush();
                    AuthorizationCode code = listener.await(Duration.ofSeconds(timeoutSeconds));
                    finish(context, output(), oauth[0], code, request[0]);
                } finally {
                    oauth[0].close();
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("no callback arrived within " + timeoutSeconds + " s");
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "url",
            description = {
                "Print the authorization URL to open in a browser; its state and PKCE verifier are kept (privately) for",
                "`auth exchange`."
            })
    static final class Url extends CliCommand {
        Url(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            try (OAuth2Client oauth = oauth(context, Optional.empty())) {
                AuthorizationRequest request = oauth.authorizationRequest();
                new PendingAuthorization(context.tokenFile()).save(request);
                output().done(request.uri().toString());
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "exchange",
            description = {
                "Finish `auth url`: pass the whole callback URL the browser was sent to (its state is checked), or just",
                "the code; the token is stored for later commands."
            })
    static final class Exchange extends CliCommand {
        @Parameters(paramLabel = "CALLBACK_URL|CODE")
        String callback = "";

        Exchange(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            PendingAuthorization pending = new PendingAuthorization(context.tokenFile());
            try (OAuth2Client oauth = oauth(context, Optional.empty())) {
                AuthorizationRequest request = pending.load(oauth);
                AuthorizationCode code;
                if (callback.contains("?")) {
                    code = oauth.authorizationCode(URI.create(callback.trim()), request);
                } else {
                    err().println("firmafon: a bare code cannot be checked against the request's state; pass the"
                            + " whole callback URL to check it");
                    code = AuthorizationCode.of(callback.trim());
                }
                finish(context, output(), oauth, code, request);
            }
            pending.delete();
            return ExitCodes.OK;
        }
    }

    @Command(name = "logout", description = "Forget the stored token.")
    static final class Logout extends CliCommand {
        Logout(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            TokenFile tokenFile = context.tokenFile();
            output().done(
                            tokenFile.delete()
                                    ? "deleted " + tokenFile.path()
                                    : "no token stored at " + tokenFile.path());
            return ExitCodes.OK;
        }
    }
}
