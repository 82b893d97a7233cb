package dk.firmafon.auth;

import dk.firmafon.foundation.internal.Redaction;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One authorization request: the {@link #uri()} to send the user's browser to, and what the callback and the token
 * exchange need later (the {@link #state()} to expect and the PKCE {@link #codeVerifier()}). Keep it server-side,
 * e.g. in the user's session; if only strings can be kept there, store {@code state} and {@code codeVerifier} and
 * rebuild it with {@link OAuth2Client#authorizationRequest(String, String)}. {@code toString()} shows neither.
 *
 * <p>Single use: once a callback has yielded a code with it, the same object refuses any further callback (a
 * second user, or a replayed callback, cannot complete it). A request rebuilt from stored strings is a new object:
 * delete those strings from the session once the callback arrives.
 */
public final class AuthorizationRequest {
    private final URI uri;
    private final String state;
    private final @Nullable String codeVerifier;
    private final AtomicBoolean used = new AtomicBoolean();

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

    /** Marks this request used by a callback; false when it already was. */
    boolean use() {
        return used.compareAndSet(false, true);
    }

    @Override
    public String toString() {
        String endpoint = Redaction.uri(uri).replaceFirst("\\?.*", "");
        return "AuthorizationRequest{" + endpoint + ", state=[REDACTED]"
                + (codeVerifier == null ? "" : ", codeVerifier=[REDACTED]") + "}";
    }
}
