package dk.firmafon.examples.minimal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.Firmafon;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The application's shutdown drains an SDK request instead of cutting it: a real WebFlux application on the starter
 * ({@code server.shutdown=graceful}, {@code firmafon.shutdown-grace=6s}, the default retry policy) is closed while
 * its one SDK request is held for 4 s by a loopback "Firmafon" (longer than the 2 s after which Spring's
 * {@code ReactorResourceFactory} takes Reactor Netty's global event loops down). The request is answered, it reached
 * the server once (not cut and sent again), nothing reaches the server after the close, and the context closes within
 * the documented time: the web server's graceful phase plus {@code firmafon.shutdown-grace}.
 */
class ShutdownDrainsTest {
    private static final Duration HELD = Duration.ofSeconds(4);
    private static final Duration GRACE = Duration.ofSeconds(6);

    @Test
    void aBackgroundSdkRequestIsDrainedNotCutAndSentAgain() throws Exception {
        try (FakeApi api = new FakeApi()) {
            ConfigurableApplicationContext context = api.application();
            CompletableFuture<List<String>> uuids = context.getBean(Firmafon.class)
                    .calls()
                    .list()
                    .take(1)
                    .map(call -> call.callUuid())
                    .collectList()
                    .toFuture();
            api.awaitHeld();

            Duration closing = closeTimed(context);

            assertThat(uuids.get(30, TimeUnit.SECONDS)).containsExactly("drained-1");
            api.assertDrainedOnce(closing);
        }
    }

    @Test
    void aWebRequestWaitingOnTheSdkIsAnswered() throws Exception {
        try (FakeApi api = new FakeApi()) {
            ConfigurableApplicationContext context = api.application();
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            CompletableFuture<HttpResponse<String>> answer = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .sendAsync(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/recent-calls?max=1"))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            api.awaitHeld();

            Duration closing = closeTimed(context);

            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("drained-1");
            api.assertDrainedOnce(closing);
        }
    }

    private static Duration closeTimed(ConfigurableApplicationContext context) {
        long start = System.nanoTime();
        context.close();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A loopback "Firmafon" holding the first page of calls for {@link #HELD}, and the application on it. */
    private static final class FakeApi implements AutoCloseable {
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger firstPages = new AtomicInteger();
        private final CountDownLatch held = new CountDownLatch(1);
        // the fake runs on loops of its own: Spring disposes Reactor Netty's global ones when it shuts down
        private final LoopResources loops = LoopResources.create("fake-firmafon", 1, true);
        private final DisposableServer server;
        private ConfigurableApplicationContext context;

        FakeApi() {
            server = HttpServer.create()
                    .host("127.0.0.1")
                    .port(0)
                    .runOn(loops)
                    .route(routes -> routes.get("/api/v2/calls", (request, response) -> {
                        requests.incrementAndGet();
                        if (request.uri().contains("started_at_lt_or_eq")) {
                            return response.header("Content-Type", "application/json")
                                    .sendString(Mono.just("{\"calls\":[]}"));
                        }
                        firstPages.incrementAndGet();
                        held.countDown();
                        return response.header("Content-Type", "application/json")
                                .sendString(Mono.delay(HELD, Schedulers.boundedElastic())
                                        .thenReturn("{\"calls\":[{\"call_uuid\":\"drained-1\","
                                                + "\"started_at\":\"2026-12-01T10:00:00Z\"}]}"));
                    }))
                    .bindNow();
        }

        ConfigurableApplicationContext application() {
            context = SpringApplication.run(
                    RecentCallsService.class,
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--server.shutdown=graceful",
                    "--firmafon.token=shutdown-test-token",
                    "--firmafon.base-uri=http://127.0.0.1:" + server.port() + "/api/v2",
                    "--firmafon.shutdown-grace=" + GRACE.toSeconds() + "s");
            return context;
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(30, TimeUnit.SECONDS))
                    .as("the SDK request reached the fake")
                    .isTrue();
        }

        void assertDrainedOnce(Duration closing) throws InterruptedException {
            assertThat(firstPages)
                    .as("the held request reached the server once: not cut and sent again")
                    .hasValue(1);
            assertThat(closing).as("time to close the context").isLessThan(HELD.plus(GRACE));
            int seen = requests.get();
            Thread.sleep(500); // a request sent after the close would arrive within this
            assertThat(requests).as("requests after the context closed").hasValue(seen);
        }

        @Override
        public void close() {
            if (context != null) {
                context.close();
            }
            server.disposeNow(Duration.ofSeconds(5));
            loops.disposeLater().block(Duration.ofSeconds(10));
        }
    }
}
