package dk.firmafon.tokenstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.error.TokenStoreException;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import redis.embedded.RedisServer;

/**
 * The Redis store against a real Redis server (the binaries embedded-redis ships), with two OAuth clients sharing it
 * as two instances would, and a token endpoint that rotates refresh tokens.
 */
class RedisTokenStoreTest extends dk.firmafon.auth.contract.TokenStoreContract {
    private int port;

    @Override
    protected dk.firmafon.auth.TokenStore store() {
        return store;
    }

    private RedisServer server;
    private RedisClient client;
    private RedisTokenStore store;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = new RedisServer(port);
        server.start();
        client = RedisClient.create("redis://127.0.0.1:" + port);
        // while Redis is down, commands fail at once instead of waiting for a reconnect (the store's own timeout
        // bounds them either way)
        client.setOptions(io.lettuce.core.ClientOptions.builder()
                .disconnectedBehavior(io.lettuce.core.ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        store = RedisTokenStore.connect(client, "test:token:", Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        client.shutdownAsync(0, 2, java.util.concurrent.TimeUnit.SECONDS)
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        server.stop();
    }

    @Test
    void aRedisThatIsDownIsATypedErrorAndTheStoreRecoversWhenItIsBack() throws IOException {
        store.save("carol", token(ACCESS, REFRESH, Duration.ofHours(2), Instant.now()))
                .block(Duration.ofSeconds(5));
        server.stop();
        StepVerifier.create(store.load("carol"))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(TokenStoreException.class)
                        .hasMessageContaining("failed to load")
                        .hasMessageNotContaining(ACCESS))
                .verify(Duration.ofSeconds(10));
        server = new RedisServer(port);
        server.start();
        // Lettuce reconnects by itself; until it has, commands are refused at once (typed, as above)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        store.save("carol", token(ACCESS, REFRESH, Duration.ofHours(2), Instant.now()))
                                .then(store.load("carol"))
                                .block(Duration.ofSeconds(5))
                                .accessToken())
                .isEqualTo(ACCESS));
    }
}
