package dk.firmafon.testsupport;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A loopback HTTP server that answers every request with the reply last set, byte for byte: any status from 100 to
 * 599, any headers, any body. For property tests that feed the SDK's real transport and decode path.
 */
public final class ReplyServer implements AutoCloseable {
    /** One answer: status, headers and the body's bytes. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        /** A reply with a UTF-8 body and a JSON content type. */
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final AtomicReference<Reply> next = new AtomicReference<>(Reply.json(200, "{}"));
    private final DisposableServer server;

    private ReplyServer() {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> {
                    Reply reply = next.get();
                    response.status(HttpResponseStatus.valueOf(reply.status()));
                    reply.headers().forEach(response::header);
                    return request.receive()
                            .then()
                            .then(response.sendByteArray(Mono.just(reply.body()))
                                    .then());
                })
                .bindNow();
    }

    /** Starts a server on a free loopback port. */
    public static ReplyServer start() {
        return new ReplyServer();
    }

    /** Answers every following request with {@code reply}. */
    public void reply(Reply reply) {
        next.set(reply);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
