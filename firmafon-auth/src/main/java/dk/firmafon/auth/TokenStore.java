package dk.firmafon.auth;

import dk.firmafon.auth.internal.InMemoryTokenStore;
import reactor.core.publisher.Mono;

/**
 * Where an {@link OAuth2Client} keeps its users' tokens, keyed by the application's own user key, so one application
 * can act for many Firmafon users. The default, {@link #inMemory()}, forgets everything on restart; implement this
 * interface over a database (non-blocking, or offloaded to a bounded elastic scheduler) to keep tokens.
 */
public interface TokenStore {

    /** The token stored for {@code userKey}, or an empty {@code Mono} when there is none. */
    Mono<OAuthToken> load(String userKey);

    /** Stores {@code token} for {@code userKey}, replacing any previous token. */
    Mono<Void> save(String userKey, OAuthToken token);

    /** Forgets the token of {@code userKey}, if any. */
    Mono<Void> remove(String userKey);

    /** A store in a concurrent map, lost when the application stops. */
    static TokenStore inMemory() {
        return new InMemoryTokenStore();
    }
}
