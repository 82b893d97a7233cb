package dk.firmafon.auth;

import dk.firmafon.auth.internal.InMemoryTokenStore;
import org.jspecify.annotations.Nullable;
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

    /**
     * Compare-and-set: replaces the token of {@code userKey} with {@code replacement} (removes it when
     * {@code replacement} is null) only if the stored token is still {@code expected} (equal by value; null: none is
     * stored), and answers whether it did. The token manager stores refreshed tokens and forgets rejected ones only
     * this way, so an instance never overwrites or deletes a newer token another instance stored.
     *
     * <p>The default reads, compares and writes, which is atomic only within one instance: a store shared by several
     * instances (a database, Redis) must override it with the store's own compare-and-set (a conditional
     * {@code UPDATE ... WHERE token = ?}, a {@code WATCH}/{@code MULTI} or Lua script).
     */
    default Mono<Boolean> replace(String userKey, @Nullable OAuthToken expected, @Nullable OAuthToken replacement) {
        return load(userKey)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(current -> {
                    if (!java.util.Objects.equals(current.orElse(null), expected)) {
                        return Mono.just(Boolean.FALSE);
                    }
                    return (replacement == null ? remove(userKey) : save(userKey, replacement))
                            .thenReturn(Boolean.TRUE);
                });
    }

    /** A store in a concurrent map, lost when the application stops. */
    static TokenStore inMemory() {
        return new InMemoryTokenStore();
    }
}
