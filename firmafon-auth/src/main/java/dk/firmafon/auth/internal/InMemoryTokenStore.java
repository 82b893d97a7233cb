package dk.firmafon.auth.internal;

import dk.firmafon.auth.OAuthToken;
import dk.firmafon.auth.TokenStore;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.publisher.Mono;

/** The default {@link TokenStore}: a concurrent map. */
public final class InMemoryTokenStore implements TokenStore {
    private final ConcurrentMap<String, OAuthToken> tokens;

    /** An empty store. */
    public InMemoryTokenStore() {
        this(new ConcurrentHashMap<>());
    }

    /** A store over {@code tokens}, which the caller may read (tests do). */
    public InMemoryTokenStore(ConcurrentMap<String, OAuthToken> tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<OAuthToken> load(String userKey) {
        return Mono.fromSupplier(() -> tokens.get(userKey));
    }

    @Override
    public Mono<Void> save(String userKey, OAuthToken token) {
        return Mono.fromRunnable(() -> tokens.put(userKey, token));
    }

    @Override
    public Mono<Void> remove(String userKey) {
        return Mono.fromRunnable(() -> tokens.remove(userKey));
    }

    /** Atomic in this map: {@code replace}/{@code remove}/{@code putIfAbsent} with the expected value. */
    @Override
    public Mono<Boolean> replace(
            String userKey,
            @org.jspecify.annotations.Nullable OAuthToken expected,
            @org.jspecify.annotations.Nullable OAuthToken replacement) {
        return Mono.fromSupplier(() -> {
            if (expected == null) {
                return replacement == null
                        ? !tokens.containsKey(userKey)
                        : tokens.putIfAbsent(userKey, replacement) == null;
            }
            return replacement == null
                    ? tokens.remove(userKey, expected)
                    : tokens.replace(userKey, expected, replacement);
        });
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore{" + tokens.size() + " users}";
    }
}
