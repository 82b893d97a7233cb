package dk.firmafon.tokenstore.redis.testing;

import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.net.RetryPolicy;
import dk.firmafon.testsupport.TestSecrets;
import dk.firmafon.tokenstore.redis.RedisTokenStore;
import io.lettuce.core.RedisClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * One instance of a service, in a JVM of its own, for the two-process race: an OAuth client on a Redis store. It
 * prints {@code ready} once built, waits for {@code go} on its input (so both processes start together), asks for
 * the user's credential {@code requests} times at once and prints what it saw: how many distinct credentials, how
 * many of them the rotated token, and whether it ever removed the user's token. Nothing secret is printed (the
 * tokens are the test's fixed fakes and are compared here, not echoed).
 *
 * <p>Arguments: Redis URI, token endpoint URI, user key, key prefix, number of requests.
 */
public final class RaceInstance {
    private RaceInstance() {}

    public static void main(String[] args) throws Exception {
        RedisClient redis = RedisClient.create(args[0]);
        URI tokenUri = URI.create(args[1]);
        String user = args[2];
        int requests = Integer.parseInt(args[4]);
        List<String> changes = new CopyOnWriteArrayList<>();
        Set<String> credentials = ConcurrentHashMap.newKeySet();
        try (RedisTokenStore store = RedisTokenStore.connect(redis, args[3], Duration.ofSeconds(5));
                OAuth2Client client = OAuth2Client.builder()
                        .clientId("store-contract-client")
                        .clientSecret(TestSecrets.CLIENT_SECRET)
                        .redirectUri(URI.create("https://app.example/callback"))
                        .tokenUri(tokenUri)
                        .tokenStore(store)
                        .tokenListener((key, token) -> changes.add(token == null ? "removed" : "replaced"))
                        .retryPolicy(RetryPolicy.none())
                        .build()) {
            System.out.println("ready");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"go".equals(in.readLine())) {
                throw new IllegalStateException("expected go");
            }
            Flux.range(0, requests)
                    .flatMap(i -> client.forUser(user).credential().subscribeOn(Schedulers.parallel()), requests)
                    .doOnNext(credential -> credentials.add(credential.value()))
                    .blockLast(Duration.ofSeconds(30));
        } finally {
            redis.shutdownAsync(0, 2, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        }
        System.out.println("distinct=" + credentials.size());
        System.out.println("rotated=" + credentials.contains("Bearer " + TestSecrets.NEW_ACCESS_TOKEN));
        System.out.println("removed=" + changes.contains("removed"));
        System.out.println(
                "replaced=" + changes.stream().filter("replaced"::equals).count());
    }
}
