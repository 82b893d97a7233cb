package dk.firmafon.examples.readme;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.AuthorizationRequest;
import dk.firmafon.auth.OAuth2Auth;
import dk.firmafon.auth.OAuth2Client;
import java.net.URI;
import reactor.core.publisher.Mono;

/** README, "Authentication": the three strategies. */
final class AuthSamples {
    private AuthSamples() {}

    static Firmafon personalToken(String token) {
        // [readme]
        // A token a user created in Firmafon's web interface, sent as Authorization: Bearer (recommended)
        return Firmafon.builder().auth(AuthStrategy.bearer(token)).build();
        // [readme]
    }

    static Firmafon basicOrQuery(String token, boolean query) {
        // [readme]
        // The same token as HTTP Basic (token as user name, empty password) ...
        AuthStrategy basic = AuthStrategy.basic(token);
        // ... or as ?access_token=... (ends up in server logs: only where no header can be sent; redacted in SDK
        // output)
        AuthStrategy inQuery = AuthStrategy.queryParameter(token);
        // [readme]
        return Firmafon.builder().auth(query ? inQuery : basic).build();
    }

    /** The OAuth 2.0 code flow for an application acting for many Firmafon users. */
    static Mono<Firmafon> oauth(String clientId, String clientSecret, URI callbackUri, String userKey) {
        // [readme]
        OAuth2Client oauth = OAuth2Client.builder()
                .clientId(clientId)
                .clientSecret(clientSecret)
                .redirectUri(URI.create("https://app.example/login/callback")) // as registered with Firmafon
                .build(); // PKCE and the state check are on by default

        AuthorizationRequest request = oauth.authorizationRequest(); // keep it in the user's session
        URI sendTheBrowserTo = request.uri();
        // ... Firmafon redirects the browser back to callbackUri = .../login/callback?code=...&state=...
        Mono<OAuth2Auth> signedIn =
                oauth.completeAuthorization(userKey, callbackUri, request); // checks state, exchanges, stores

        // one Firmafon (one connection pool) for the whole application, built once, with no user of its own
        Firmafon application = Firmafon.builder().noDefaultUser().build();
        // later, for every request made for that user (tokens live in oauth's TokenStore, keyed by userKey),
        // the same pool with that user's tokens:
        Mono<Firmafon> forUser = signedIn.map(auth -> application.withAuth(auth));
        // [readme]
        return sendTheBrowserTo.isAbsolute() ? forUser : Mono.empty();
    }
}
