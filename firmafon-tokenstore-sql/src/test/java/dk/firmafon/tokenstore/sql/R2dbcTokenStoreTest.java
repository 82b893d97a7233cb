package dk.firmafon.tokenstore.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dk.firmafon.auth.OAuthToken;
import dk.firmafon.error.TokenStoreException;
import dk.firmafon.testsupport.TestSecrets;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The SQL store on H2 in this process (R2DBC), with the shipped schema's portable subset. */
class R2dbcTokenStoreTest extends dk.firmafon.auth.contract.TokenStoreContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    static {
        // H2 runs inside this JVM: its first error (a compare-and-set's duplicate key) initialises DbException,
        // which reads its messages from the jar - file I/O on whichever thread, a Reactor one under the race
        // (BlockHound). Initialised here, once, on the test thread; a database server does this in its own process.
        try {
            Class.forName("org.h2.message.DbException", true, R2dbcTokenStoreTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final byte[] KEY =
            "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private R2dbcTokenStore store;

    @Override
    protected dk.firmafon.auth.TokenStore store() {
        return store;
    }

    @BeforeEach
    void database() {
        ConnectionFactory h2 = ConnectionFactories.get(
                "r2dbc:h2:mem:///tokens" + DATABASES.incrementAndGet() + "?options=DB_CLOSE_DELAY=-1");
        store = R2dbcTokenStore.create(h2, KEY);
        store.createTable().block(Duration.ofSeconds(10));
    }

    private static OAuthToken token(String access) {
        return token(access, TestSecrets.REFRESH_TOKEN, Duration.ofHours(2), Instant.parse("2026-12-06T09:00:00Z"));
    }

    @Test
    void ofManyConcurrentCompareAndSetsFromOneTokenExactlyOneWins() {
        OAuthToken start = token(TestSecrets.ACCESS_TOKEN);
        store.save("alice", start).block(Duration.ofSeconds(10));
        List<Boolean> results = Flux.range(0, 20)
                .flatMap(i -> store.replace("alice", start, token("access-" + i)), 20)
                .collectList()
                .block(Duration.ofSeconds(30));
        assertThat(results).containsOnlyOnce(true);
    }

    @Test
    void anUnreachableDatabaseIsATypedErrorWithoutATokenInIt() {
        R2dbcTokenStore broken = R2dbcTokenStore.create(
                ConnectionFactories.get("r2dbc:h2:mem:///missing?options=IFEXISTS=TRUE"),
                KEY,
                "firmafon_tokens",
                Duration.ofSeconds(5));
        StepVerifier.create(broken.save("carol", token(TestSecrets.ACCESS_TOKEN)))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(TokenStoreException.class)
                        .hasMessageContaining("failed to save")
                        .hasMessageNotContaining(TestSecrets.ACCESS_TOKEN))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aStoreWithAnotherKeyCannotReadTheTokensAndSaysSo() {
        store.save("dave", token(TestSecrets.ACCESS_TOKEN)).block(Duration.ofSeconds(10));
        ConnectionFactory same =
                ConnectionFactories.get("r2dbc:h2:mem:///tokens" + DATABASES.get() + "?options=DB_CLOSE_DELAY=-1");
        R2dbcTokenStore otherKey = R2dbcTokenStore.create(
                same, "fedcba9876543210fedcba9876543210".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        StepVerifier.create(otherKey.load("dave"))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(TokenStoreException.class)
                        .hasMessageContaining("could not be decrypted"))
                .verify(Duration.ofSeconds(10));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> R2dbcTokenStore.create(same, new byte[16]))
                .withMessage("key must be 32 bytes (AES-256), was 16 bytes");
    }

    @Test
    void aTableNameThatIsNotAPlainSqlNameIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> R2dbcTokenStore.create(
                        ConnectionFactories.get("r2dbc:h2:mem:///x"),
                        KEY,
                        "tokens; DROP TABLE users",
                        Duration.ofSeconds(1)))
                .withMessageStartingWith("table must be a plain SQL name");
    }
}
