package dk.firmafon.tokenstore.redis;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.error.TokenStoreException;
import dk.firmafon.tokenstore.redis.testing.RaceInstance;
import io.lettuce.core.RedisClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
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
        client.shutdownAsync(0, 2, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
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

    @Test
    void aForeignValueUnderAKeyIsATypedErrorThatQuotesNothingAndTheKeyIsLeftInPlace() {
        // a canary, not the suite's guarded token: this test's own raw connection logs what it writes at DEBUG
        String canary = "foreign-canary-0f1e2d3c";
        String[] foreign = {
            "",
            "null",
            "[1,2]",
            "{\"access_token\":\"" + canary + "\"}",
            "{\"access_token\":\"" + canary + "\",\"received_at\":\"2026-12-01T10:00:00Z\",\"created_at\":\"later\"}",
            "{\"access_token\":\"" + canary + "\",\"received_at\":\"2026-12-01T10:00:00Z\",\"expires_in\":"
                    + Long.MAX_VALUE + "}",
            canary
        };
        try (io.lettuce.core.api.StatefulRedisConnection<String, String> raw = client.connect()) {
            for (String value : foreign) {
                raw.sync().set("test:token:mallory", value);
                StepVerifier.create(store.load("mallory"))
                        .expectErrorSatisfies(error -> assertThat(error)
                                .as("loading %s", value)
                                .isInstanceOf(TokenStoreException.class)
                                .hasMessageStartingWith("a stored token cannot be read: ")
                                .hasMessageNotContaining(canary))
                        .verify(Duration.ofSeconds(10));
                assertThat(raw.sync().get("test:token:mallory"))
                        .as("the key is left in place")
                        .isEqualTo(value);
            }
        }
    }

    /**
     * The acceptance's "better" form: the second instance is a JVM of its own (nothing shared but Redis and the
     * token server), 500 requests each, started together on an expired token.
     */
    @Test
    void twoJvmsRefreshOnceAndNobodyIsSignedOut() throws Exception {
        raceOnAnExpiredToken(store, "dana");
        Path log = Files.createDirectories(Path.of("target")).resolve("race-instance.log");
        Process other = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RaceInstance.class.getName(),
                        "redis://127.0.0.1:" + port,
                        wire.baseUrl() + "/oauth/token",
                        "dana",
                        "test:token:",
                        "500")
                .redirectError(log.toFile())
                .start();
        List<String> changes = new CopyOnWriteArrayList<>();
        Set<String> credentials = ConcurrentHashMap.newKeySet();
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(other.getOutputStream(), StandardCharsets.UTF_8);
                OAuth2Client mine = instance(store, changes)) {
            String ready = Mono.fromCallable(out::readLine)
                    .subscribeOn(Schedulers.boundedElastic())
                    .block(Duration.ofSeconds(60));
            assertThat(ready).as("the other JVM started (its log: %s)", log).isEqualTo("ready");
            in.write("go\n");
            in.flush();
            Flux.range(0, 500)
                    .flatMap(i -> mine.forUser("dana").credential().subscribeOn(Schedulers.parallel()), 500)
                    .doOnNext(credential -> credentials.add(credential.value()))
                    .blockLast(Duration.ofSeconds(30));
            assertThat(other.waitFor(60, TimeUnit.SECONDS))
                    .as("the other JVM ended")
                    .isTrue();
            assertThat(other.exitValue())
                    .as("the other JVM's exit (its log: %s)", log)
                    .isZero();
            List<String> report = out.lines().toList();
            assertThat(report).contains("distinct=1", "rotated=true", "removed=false");
            long replacedThere = report.stream()
                    .filter(line -> line.startsWith("replaced="))
                    .mapToLong(line -> Long.parseLong(line.substring("replaced=".length())))
                    .sum();
            // exactly one instance stored the rotated token, once; the other read it from Redis
            assertThat(replacedThere + changes.size()).isEqualTo(1);
        } finally {
            other.destroyForcibly();
        }
        assertThat(credentials).containsExactly("Bearer " + NEW_ACCESS);
        assertThat(changes).doesNotContain("removed");
        assertThat(store.load("dana").block(Duration.ofSeconds(10)).refreshToken())
                .contains(NEW_REFRESH);
        // one rotation: at most one request per instance, and only the first could have succeeded
        assertThat(wire.findAll(postRequestedFor(urlEqualTo("/oauth/token")))).hasSizeBetween(1, 2);
    }
}
