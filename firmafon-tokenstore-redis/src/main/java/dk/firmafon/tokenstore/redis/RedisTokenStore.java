package dk.firmafon.tokenstore.redis;

import dk.firmafon.auth.OAuthToken;
import dk.firmafon.auth.StoredToken;
import dk.firmafon.auth.TokenStore;
import dk.firmafon.error.TokenStoreException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Users' OAuth tokens in Redis, one string key per user ({@code <prefix><userKey>}, the token as JSON), shared by
 * every instance of a service. {@link #replace} is a compare-and-set run by one Lua script, atomic in Redis, so an
 * instance never overwrites or deletes a newer token another instance stored. A Redis failure (down, a timeout) is a
 * {@link TokenStoreException} naming the operation; no token is removed because of it.
 *
 * <pre>{@code
 * RedisClient redis = RedisClient.create("redis://redis.internal:6379");
 * RedisTokenStore store = RedisTokenStore.connect(redis);          // close() it on shutdown
 * OAuth2Client oauth = OAuth2Client.builder()...tokenStore(store).build();
 * }</pre>
 *
 * <p>The values are the tokens themselves: protect Redis as you would a password store (no public network,
 * {@code requirepass} or ACLs, TLS where it crosses a network). In this process they never reach a log line: the
 * store's own connection carries them as a value type whose {@code toString()} is {@code [REDACTED]}, so Lettuce's
 * DEBUG logging of commands and replies (which prints arguments) shows no token.
 */
public final class RedisTokenStore implements TokenStore, AutoCloseable {
    /** The default key prefix. */
    public static final String DEFAULT_PREFIX = "firmafon:token:";

    /** KEYS[1] the key; ARGV[1] the expected JSON ("" for none); ARGV[2] the replacement ("" to delete). */
    private static final String COMPARE_AND_SET =
            """
            local current = redis.call('GET', KEYS[1])
            if (current == false and ARGV[1] == '') or current == ARGV[1] then
              if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2]) end
              return 1
            end
            return 0
            """;

    private final StatefulRedisConnection<String, Secret> connection;
    private final RedisReactiveCommands<String, Secret> redis;
    private final String prefix;
    private final Duration timeout;

    private RedisTokenStore(StatefulRedisConnection<String, Secret> connection, String prefix, Duration timeout) {
        this.connection = connection;
        this.redis = connection.reactive();
        this.prefix = prefix;
        this.timeout = timeout;
    }

    /**
     * A store on a connection of its own to {@code client}, with the {@link #DEFAULT_PREFIX} and a 5 s bound on
     * every command. Connecting happens here (Lettuce connects synchronously): call it at start-up, not on a Reactor
     * thread.
     */
    public static RedisTokenStore connect(RedisClient client) {
        return connect(client, DEFAULT_PREFIX, Duration.ofSeconds(5));
    }

    /**
     * A store on a connection of its own to {@code client}, with keys {@code prefix + userKey}, each command bounded
     * by {@code timeout}.
     *
     * @throws IllegalArgumentException naming a null or blank argument
     * @throws TokenStoreException when Redis cannot be reached
     */
    public static RedisTokenStore connect(RedisClient client, String prefix, Duration timeout) {
        if (client == null) {
            throw new IllegalArgumentException("client must not be null");
        }
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("prefix must not be null or blank");
        }
        dk.firmafon.foundation.internal.Checks.positive("timeout", timeout);
        try {
            return new RedisTokenStore(client.connect(new SecretCodec()), prefix, timeout);
        } catch (RedisException e) {
            throw new TokenStoreException(
                    "the Redis token store could not connect (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Closes the store's connection (the client stays the caller's to shut down). */
    @Override
    public void close() {
        connection.closeAsync();
    }

    @Override
    public Mono<OAuthToken> load(String userKey) {
        return guarded("load", redis.get(key(userKey)).map(secret -> StoredToken.decode(secret.text)));
    }

    @Override
    public Mono<Void> save(String userKey, OAuthToken token) {
        return guarded(
                "save",
                redis.set(key(userKey), new Secret(StoredToken.encode(token)), new SetArgs())
                        .then());
    }

    @Override
    public Mono<Void> remove(String userKey) {
        return guarded("remove", redis.del(key(userKey)).then());
    }

    @Override
    public Mono<Boolean> replace(String userKey, @Nullable OAuthToken expected, @Nullable OAuthToken replacement) {
        return guarded(
                "replace",
                redis.<Long>eval(
                                COMPARE_AND_SET,
                                ScriptOutputType.INTEGER,
                                new String[] {key(userKey)},
                                new Secret(expected == null ? "" : StoredToken.encode(expected)),
                                new Secret(replacement == null ? "" : StoredToken.encode(replacement)))
                        .next()
                        .map(result -> result == 1L));
    }

    private String key(String userKey) {
        return prefix + userKey;
    }

    private <T> Mono<T> guarded(String operation, Mono<T> command) {
        return command.timeout(timeout)
                .onErrorMap(
                        error -> error instanceof RedisException
                                || error instanceof java.util.concurrent.TimeoutException,
                        error -> new TokenStoreException(
                                "the Redis token store failed to " + operation + " a token ("
                                        + error.getClass().getSimpleName() + "); nothing was removed",
                                error));
    }

    /** A stored value: a token as JSON, printed as {@code [REDACTED]} wherever a library prints it. */
    static final class Secret {
        final String text;

        Secret(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return "[REDACTED]";
        }
    }

    /** Keys as strings, values as {@link Secret}s (UTF-8 on the wire, redacted in every log line). */
    private static final class SecretCodec implements RedisCodec<String, Secret> {
        @Override
        public String decodeKey(ByteBuffer bytes) {
            return StringCodec.UTF8.decodeKey(bytes);
        }

        @Override
        public Secret decodeValue(ByteBuffer bytes) {
            return new Secret(StringCodec.UTF8.decodeValue(bytes));
        }

        @Override
        public ByteBuffer encodeKey(String key) {
            return StringCodec.UTF8.encodeKey(key);
        }

        @Override
        public ByteBuffer encodeValue(Secret value) {
            return StringCodec.UTF8.encodeValue(value.text);
        }
    }

    @Override
    public String toString() {
        return "RedisTokenStore{prefix=" + prefix + "}";
    }
}
