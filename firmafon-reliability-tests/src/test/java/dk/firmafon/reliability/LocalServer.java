package dk.firmafon.reliability;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A Reactor Netty HTTP server on 127.0.0.1 (a free port) counting what a connection-pool test needs: connections open
 * now, the most ever open at once, connections ever accepted, and requests.
 */
final class LocalServer implements AutoCloseable {
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final DisposableServer server;

    private LocalServer(BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> handler) {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                // once per accepted TCP connection (doOnConnection would run once per request on a kept-alive one)
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    connections.incrementAndGet();
                    mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                    channel.closeFuture().addListener(closed -> open.decrementAndGet());
                })
                .handle((request, response) -> {
                    requests.incrementAndGet();
                    return handler.apply(request, response);
                })
                .bindNow();
    }

    /**
     * Where the server's delayed and trickled answers are scheduled. Its answer buffers are allocated on the thread a
     * timer fires on, and Netty's adaptive allocator may park there briefly under contention: BlockHound rightly
     * reports that on a non-blocking thread (as Reactor's parallel timers are), so the test server, which is not the
     * SDK under test, times its answers on bounded-elastic threads.
     */
    static Scheduler timer() {
        return Schedulers.boundedElastic();
    }

    static LocalServer start(BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> handler) {
        return new LocalServer(handler);
    }

    /** Answers {@code body} as JSON. */
    static Publisher<Void> json(HttpServerResponse response, Publisher<String> body) {
        return response.header("Content-Type", "application/json").sendString(body);
    }

    /**
     * {@code GET .../calls/:uuid} answered with a call of that uuid when it carries {@code Bearer token}, else 401.
     */
    static Publisher<Void> call(
            HttpServerRequest request, HttpServerResponse response, String token, Publisher<?> before) {
        if (!("Bearer " + token).equals(request.requestHeaders().get("Authorization"))) {
            return response.status(401)
                    .header("Content-Type", "application/json")
                    .sendString(Mono.just("{\"status\":\"unauthorized\",\"message\":\"bad token\"}"));
        }
        return json(response, Mono.from(before).then(Mono.just(callJson(lastSegment(request)))));
    }

    /** {@code {"call": {"call_uuid": uuid}}}. */
    static String callJson(String uuid) {
        return "{\"call\":{\"call_uuid\":\"" + uuid + "\"}}";
    }

    /** The last path segment of the request (e.g. the uuid of {@code /calls/:uuid}). */
    static String lastSegment(HttpServerRequest request) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code http://127.0.0.1:PORT/api/v2}. */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/api/v2");
    }

    int open() {
        return open.get();
    }

    int mostOpen() {
        return mostOpen.get();
    }

    int connections() {
        return connections.get();
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
