package dk.firmafon.benchmarks.internal;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * The Firmafon API's {@code /calls} endpoints on loopback, fast enough not to be what is measured: the newest page
 * and the single call are serialized once; older pages are rendered on demand from {@link CallHistory}. Every request
 * must carry {@link #AUTHORIZATION}. {@code POST /token} answers an OAuth token after {@link #TOKEN_DELAY} and counts
 * how often it was asked. Its event-loop threads are named {@code bench-server-*} so allocation counters can skip them.
 */
public final class CallsServer implements AutoCloseable {
    public static final String TOKEN = "bench-token";
    public static final String AUTHORIZATION = "Bearer " + TOKEN;
    public static final String BASE_PATH = "/api/v2";
    public static final String SERVER_THREAD_PREFIX = "bench-server";
    /** A token endpoint slow enough that every concurrent subscriber asks before the first answer. */
    public static final Duration TOKEN_DELAY = Duration.ofMillis(200);
    /** The uuid that {@code GET /calls/:uuid} knows. */
    public static final String KNOWN_UUID = CallHistory.uuid(0);

    public static final int PAGE_SIZE = 100;
    /**
     * {@code -Dbench.compression=true}: the SDK asks for gzip ({@code NetworkSettings.compression}) and the server
     * compresses for it: how issue 14 decides the compression default.
     */
    public static final boolean COMPRESSION = Boolean.getBoolean("bench.compression");

    private static final byte[] UNAUTHORIZED =
            "{\"status\":\"failure\",\"message\":\"401 Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND =
            "{\"status\":\"failure\",\"message\":\"404 Not Found\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TOKEN_BODY =
            ("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\"}").getBytes(StandardCharsets.UTF_8);

    private final CallHistory history;
    private final byte[] newestPage;
    private final byte[] knownCall;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final LoopResources loops;
    private final DisposableServer server;

    public CallsServer(long historySize) {
        this(historySize, Duration.ZERO);
    }

    /** A server whose {@code GET /calls} answers after {@code delay}: a network's round trip, played on loopback. */
    public CallsServer(long historySize, Duration delay) {
        this.delay = delay;
        history = new CallHistory(historySize);
        newestPage = history.page(0, PAGE_SIZE);
        knownCall = history.single(0);
        loops = LoopResources.create(SERVER_THREAD_PREFIX, 1, true);
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .runOn(loops)
                // gzip for a client that asks (the SDK with -Dbench.compression=true; raw never asks)
                .compress(COMPRESSION)
                .handle(this::handle)
                .bindNow();
    }

    /** {@code http://127.0.0.1:PORT/api/v2}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port() + BASE_PATH);
    }

    public URI tokenUri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/oauth/token");
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** The bytes of the newest page of 100 calls, as served. */
    public byte[] newestPage() {
        return newestPage.clone();
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String uri = request.uri();
        int queryStart = uri.indexOf('?');
        String path = queryStart < 0 ? uri : uri.substring(0, queryStart);
        if (path.equals("/oauth/token")) {
            tokenRequests.incrementAndGet();
            return Mono.delay(TOKEN_DELAY).then(Mono.defer(() -> send(response, HttpResponseStatus.OK, TOKEN_BODY)));
        }
        if (!AUTHORIZATION.equals(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))) {
            return send(response, HttpResponseStatus.UNAUTHORIZED, UNAUTHORIZED);
        }
        if (path.equals(BASE_PATH + "/calls")) {
            return delay.isZero()
                    ? send(response, HttpResponseStatus.OK, page(uri))
                    : Mono.delay(delay).then(Mono.defer(() -> send(response, HttpResponseStatus.OK, page(uri))));
        }
        if (path.equals(BASE_PATH + "/calls/" + KNOWN_UUID)) {
            return send(response, HttpResponseStatus.OK, knownCall);
        }
        return send(response, HttpResponseStatus.NOT_FOUND, NOT_FOUND);
    }

    private final Duration delay;

    private byte[] page(String uri) {
        Map<String, List<String>> query = new QueryStringDecoder(uri).parameters();
        int limit =
                query.containsKey("limit") ? Integer.parseInt(query.get("limit").get(0)) : 30;
        List<String> bound = query.get("started_at_lt_or_eq");
        long first = bound == null ? 0 : CallHistory.firstAtOrBefore(parseInstant(bound.get(0)));
        List<String> floor = query.get("started_at_gt_or_eq");
        if (floor != null) {
            long last = CallHistory.lastAtOrAfter(parseInstant(floor.get(0)));
            limit = (int) Math.max(0, Math.min(limit, last - first + 1));
        }
        if (first == 0 && limit == PAGE_SIZE) {
            return newestPage;
        }
        return history.page(first, Math.min(limit, PAGE_SIZE));
    }

    private static Instant parseInstant(String text) {
        return text.endsWith("Z")
                ? Instant.parse(text)
                : OffsetDateTime.parse(text).toInstant();
    }

    private static Mono<Void> send(HttpServerResponse response, HttpResponseStatus status, byte[] body) {
        return response.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
                .send(Mono.just(Unpooled.wrappedBuffer(body)))
                .then();
    }

    @Override
    public void close() {
        server.disposeNow();
        loops.disposeLater().block(Duration.ofSeconds(10));
    }
}
