package dk.firmafon.examples.webflux;

import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.calls.CallsClient;
import dk.firmafon.core.FirmafonClient;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.server.WebSession;

/**
 * Who is signed in, per web session: the session holds a random user key (never the token); the token lives in the
 * OAuth client's {@link dk.firmafon.auth.TokenStore} under that key.
 */
@Component
class SignedInUsers {
    /** The session attribute holding the user key. */
    static final String USER_KEY = "firmafon.userKey";

    private final OAuth2Client oauth;
    private final FirmafonClient client;

    SignedInUsers(OAuth2Client oauth, FirmafonClient client) {
        this.oauth = oauth;
        this.client = client;
    }

    Optional<String> userKey(WebSession session) {
        return Optional.ofNullable(session.<String>getAttribute(USER_KEY));
    }

    /** The calls client acting as the session's user, sharing the application's connection pool. */
    CallsClient calls(String userKey) {
        return CallsClient.create(client.mutate().auth(oauth.forUser(userKey)).build());
    }

    FirmafonClient client() {
        return client;
    }
}
