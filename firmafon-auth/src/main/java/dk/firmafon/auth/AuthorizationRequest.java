package dk.firmafon.auth;

import dk.firmafon.auth.internal.Redaction;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One authorization request: the {@link #uri()} to send the user's browser to, and what the callback and the token
 * exchange need later (the {@link #state()} to expect and the PKCE {@link #codeVerifier()}). Keep it server-side,
 * e.g. in the user's session; if only strings can be kept there, store {@code state} and {@code codeVerifier} and
 * rebuild it with {@link OAuth2Client#authorizationRequest(String, String)}. {@code toString()} shows neither.
 */
public final class AuthorizationRequest {
    private final URI uri;
    private final String state;
    private final @Nullable String codeVerifier;

    AuthorizationRequest(URI uri, String state, @Nullable String codeVerifier) {
        this.uri = uri;
        this.state = state;
        this.codeVerifier = codeVerifier;
    }

    /** The authorize endpoint with every parameter: redirect the user's browser here. */
    public URI uri() {
        return uri;
    }

    /** The {@code state} sent with the request, which the callback must carry back. */
    public String state() {
        return state;
    }

    /** The PKCE code verifier, when PKCE is on. A secret: keep it server-side, never log it. */
    public Optional<String> codeVerifier() {
        return Optional.ofNullable(codeVerifier);
    }

    @Override
    public String toString() {
        String endpoint = Redaction.uri(uri).replaceFirst("\\?.*", "");
        return "AuthorizationRequest{" + endpoint + ", state=[REDACTED]"
                + (codeVerifier == null ? "" : ", codeVerifier=[REDACTED]") + "}";
    }
}
