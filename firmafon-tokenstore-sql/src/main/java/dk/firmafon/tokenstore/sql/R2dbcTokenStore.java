package dk.firmafon.tokenstore.sql;

import dk.firmafon.auth.OAuthToken;
import dk.firmafon.auth.StoredToken;
import dk.firmafon.auth.TokenStore;
import dk.firmafon.error.TokenStoreException;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Statement;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Users' OAuth tokens in a SQL table, on any R2DBC driver, shared by every instance of a service. One row per user:
 * the token encrypted (AES-256-GCM with the application's key, a fresh nonce each write) and the SHA-256 of its text,
 * which {@link #replace} compares: a conditional {@code UPDATE ... WHERE token_hash = ?} (or {@code DELETE}, or an
 * {@code INSERT} that a primary-key conflict refuses), atomic in the database. Encrypted at rest, and never a token in
 * a bound parameter: database drivers log their parameters at DEBUG (the r2dbc H2 driver does), and what they would
 * log here is ciphertext and hashes. A database failure is a {@link TokenStoreException} naming the operation; no
 * token is removed because of it.
 *
 * <p>The schema ships in this jar: {@code dk/firmafon/tokenstore/sql/schema-postgresql.sql} and {@code schema-h2.sql}
 * (one table: {@code user_key} primary key, {@code token} (ciphertext, Base64), {@code token_hash}); apply it with
 * your migration tool (Flyway, Liquibase) or {@link #createTable()}. Statements use {@code $1}-style bind markers
 * (PostgreSQL, H2).
 *
 * <pre>{@code
 * ConnectionFactory database = ConnectionFactories.get("r2dbc:postgresql://db.internal/app");
 * TokenStore store = R2dbcTokenStore.create(database, key);   // key: 32 bytes from your secret manager
 * }</pre>
 */
public final class R2dbcTokenStore implements TokenStore {
    /** The default table. */
    public static final String DEFAULT_TABLE = "firmafon_tokens";

    private static final Pattern TABLE =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private final ConnectionFactory database;
    private final String table;
    private final Duration timeout;
    private final Sealer sealer;

    private R2dbcTokenStore(ConnectionFactory database, String table, Duration timeout, Sealer sealer) {
        this.database = database;
        this.table = table;
        this.timeout = timeout;
        this.sealer = sealer;
    }

    /**
     * A store in {@link #DEFAULT_TABLE}, tokens encrypted with {@code key} (32 bytes: AES-256; keep it in your
     * secret manager, the same on every instance), each statement bounded by 5 s.
     */
    public static R2dbcTokenStore create(ConnectionFactory database, byte[] key) {
        return create(database, key, DEFAULT_TABLE, Duration.ofSeconds(5));
    }

    /**
     * A store in {@code table} (a plain or schema-qualified SQL name), tokens encrypted with {@code key}, each
     * statement bounded by {@code timeout}.
     *
     * @throws IllegalArgumentException naming a null argument, a key that is not 32 bytes, or a table name that is
     *     not a plain SQL name
     */
    public static R2dbcTokenStore create(ConnectionFactory database, byte[] key, String table, Duration timeout) {
        if (database == null) {
            throw new IllegalArgumentException("database must not be null");
        }
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException(
                    "table must be a plain SQL name such as firmafon_tokens or app.firmafon_tokens, was " + table);
        }
        dk.firmafon.foundation.internal.Checks.positive("timeout", timeout);
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException(
                    "key must be 32 bytes (AES-256), was " + (key == null ? "null" : key.length + " bytes"));
        }
        return new R2dbcTokenStore(database, table, timeout, new Sealer(key));
    }

    /**
     * Creates the table if it does not exist, with the portable subset of the shipped schema (for tests and small
     * services; prefer your migration tool).
     */
    public Mono<Void> createTable() {
        return run("create the table of", connection -> Flux.from(connection
                                .createStatement("CREATE TABLE IF NOT EXISTS " + table
                                        + " (user_key VARCHAR(255) PRIMARY KEY, token VARCHAR(65535) NOT NULL,"
                                        + " token_hash VARCHAR(64) NOT NULL)")
                                .execute())
                        .flatMap(result -> result.getRowsUpdated())
                        .then())
                .then();
    }

    @Override
    public Mono<OAuthToken> load(String userKey) {
        return run("load", connection -> Flux.from(connection
                                .createStatement("SELECT token FROM " + table + " WHERE user_key = $1")
                                .bind("$1", userKey)
                                .execute())
                        .flatMap(result -> result.map((row, meta) -> row.get("token", String.class)))
                        .next())
                .map(cipherText -> StoredToken.decode(sealer.open(cipherText)));
    }

    @Override
    public Mono<Void> save(String userKey, OAuthToken token) {
        return run("save", connection -> {
                    String text = StoredToken.encode(token);
                    return updated(connection
                                    .createStatement(
                                            "UPDATE " + table + " SET token = $1, token_hash = $2 WHERE user_key = $3")
                                    .bind("$1", sealer.seal(text))
                                    .bind("$2", Sealer.hash(text))
                                    .bind("$3", userKey))
                            .flatMap(rows -> rows > 0 ? Mono.just(rows) : insert(connection, userKey, text));
                })
                .then();
    }

    @Override
    public Mono<Void> remove(String userKey) {
        return run(
                        "remove",
                        connection -> updated(connection
                                .createStatement("DELETE FROM " + table + " WHERE user_key = $1")
                                .bind("$1", userKey)))
                .then();
    }

    @Override
    public Mono<Boolean> replace(String userKey, @Nullable OAuthToken expected, @Nullable OAuthToken replacement) {
        return run("replace", connection -> {
            if (expected == null) {
                if (replacement == null) {
                    return load(userKey).hasElement().map(present -> !present);
                }
                return insert(connection, userKey, StoredToken.encode(replacement))
                        .map(rows -> rows > 0)
                        .onErrorResume(R2dbcDataIntegrityViolationException.class, taken -> Mono.just(false));
            }
            String expectedHash = Sealer.hash(StoredToken.encode(expected));
            Statement statement;
            if (replacement == null) {
                statement = connection
                        .createStatement("DELETE FROM " + table + " WHERE user_key = $1 AND token_hash = $2")
                        .bind("$1", userKey)
                        .bind("$2", expectedHash);
            } else {
                String text = StoredToken.encode(replacement);
                statement = connection
                        .createStatement("UPDATE " + table
                                + " SET token = $1, token_hash = $2 WHERE user_key = $3 AND token_hash = $4")
                        .bind("$1", sealer.seal(text))
                        .bind("$2", Sealer.hash(text))
                        .bind("$3", userKey)
                        .bind("$4", expectedHash);
            }
            return updated(statement).map(rows -> rows == 1);
        });
    }

    private Mono<Long> insert(Connection connection, String userKey, String text) {
        return updated(connection
                .createStatement("INSERT INTO " + table + " (user_key, token, token_hash) VALUES ($1, $2, $3)")
                .bind("$1", userKey)
                .bind("$2", sealer.seal(text))
                .bind("$3", Sealer.hash(text)));
    }

    private static Mono<Long> updated(Statement statement) {
        return Flux.from(statement.execute())
                .flatMap(result -> result.getRowsUpdated())
                .reduce(0L, (a, b) -> a + b.longValue());
    }

    /** {@code work} on a connection of its own, closed after; bounded; failures typed. */
    private <T> Mono<T> run(String operation, Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(Mono.from(database.create()), work, Connection::close)
                .timeout(timeout)
                .onErrorMap(
                        error -> error instanceof R2dbcException
                                || error instanceof java.util.concurrent.TimeoutException,
                        error -> new TokenStoreException(
                                "the SQL token store failed to " + operation + " a token ("
                                        + error.getClass().getSimpleName() + "); nothing was removed",
                                error));
    }

    @Override
    public String toString() {
        return "R2dbcTokenStore{table=" + table + ", key=[REDACTED]}";
    }
}
