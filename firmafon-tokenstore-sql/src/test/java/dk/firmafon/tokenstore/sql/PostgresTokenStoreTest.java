package dk.firmafon.tokenstore.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.firmafon.auth.OAuthToken;
import dk.firmafon.error.TokenStoreException;
import dk.firmafon.testsupport.TestSecrets;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The SQL store on a real PostgreSQL 16 server (started by {@link RealPostgres}), with the schema the jar ships:
 * the whole token-store contract (compare-and-set, the two-instance race), tokens surviving a server restart, and a
 * database that is down as a typed error the store recovers from.
 */
class PostgresTokenStoreTest extends dk.firmafon.auth.contract.TokenStoreContract {
    /** The bound of every wait in this test. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static RealPostgres postgres;
    /** A pool for each test, as in a service (the race asks for a token a thousand times at once). */
    private io.r2dbc.pool.ConnectionPool database;
    /** A new connection for each statement: what the outage test restarts the server under. */
    private static ConnectionFactory direct;

    private R2dbcTokenStore store;

    @BeforeAll
    static void startPostgres() throws Exception {
        assumeTrue(RealPostgres.supported(), "the bundled PostgreSQL binaries are for Linux x86-64");
        postgres = RealPostgres.start();
        direct = ConnectionFactories.get(postgres.url());
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected dk.firmafon.auth.TokenStore store() {
        return store;
    }

    /** A table of its own for each test, created by the schema file the jar ships (its name changed). */
    @org.junit.jupiter.api.AfterEach
    void closePool() {
        database.dispose();
    }

    @BeforeEach
    void table() throws IOException {
        database = new io.r2dbc.pool.ConnectionPool(io.r2dbc.pool.ConnectionPoolConfiguration.builder(direct)
                .maxSize(20)
                .maxAcquireTime(Duration.ofSeconds(20))
                .build());
        String table = "firmafon_tokens_" + TABLES.incrementAndGet();
        String schema;
        try (InputStream in = R2dbcTokenStore.class.getResourceAsStream("schema-postgresql.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("firmafon_tokens", table);
        }
        String ddl = schema.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
        Mono.usingWhen(
                        Mono.from(database.create()),
                        connection -> Flux.from(connection.createStatement(ddl).execute())
                                .flatMap(result -> result.getRowsUpdated())
                                .then(),
                        connection -> Mono.from(connection.close()))
                .block(Duration.ofSeconds(30));
        store = R2dbcTokenStore.create(database, KEY, table, Duration.ofSeconds(5));
        this.table = table;
    }

    private String table;

    private static OAuthToken token(String access) {
        return token(access, TestSecrets.REFRESH_TOKEN, Duration.ofHours(2), Instant.parse("2026-12-06T09:00:00Z"));
    }

    @Test
    void aDatabaseThatIsDownIsATypedErrorAndTheTokensAreThereWhenItIsBack() throws Exception {
        R2dbcTokenStore store = R2dbcTokenStore.create(direct, KEY, table, Duration.ofSeconds(5));
        OAuthToken kept = token(TestSecrets.ACCESS_TOKEN);
        store.save("erin", kept).block(Duration.ofSeconds(10));
        postgres.stopServer();
        try {
            StepVerifier.create(store.load("erin"))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(TokenStoreException.class)
                            .hasMessageNotContaining(TestSecrets.ACCESS_TOKEN))
                    .verify(Duration.ofSeconds(30));
            StepVerifier.create(store.replace("erin", kept, token("during-the-outage")))
                    .expectError(TokenStoreException.class)
                    .verify(Duration.ofSeconds(30));
        } finally {
            postgres.startServer();
        }
        // the next request after the outage (here: a few, a little apart) finds the token that was stored before it
        StepVerifier.create(
                        store.load("erin").retryWhen(reactor.util.retry.Retry.fixedDelay(5, Duration.ofMillis(500))))
                .expectNext(kept)
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void theStoredTextIsCiphertextNotTheToken() {
        store.save("frank", token(TestSecrets.ACCESS_TOKEN)).block(Duration.ofSeconds(10));
        String stored = Mono.usingWhen(
                        Mono.from(database.create()),
                        connection -> Mono.from(connection
                                        .createStatement("SELECT token FROM " + table + " WHERE user_key = $1")
                                        .bind("$1", "frank")
                                        .execute())
                                .flatMap(result -> Mono.from(result.map((row, meta) -> row.get(0, String.class)))),
                        connection -> Mono.from(connection.close()))
                .block(Duration.ofSeconds(10));
        assertThat(stored).isNotBlank().doesNotContain(TestSecrets.ACCESS_TOKEN).doesNotContain("access_token");
    }
}
