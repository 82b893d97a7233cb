package dk.firmafon.core.internal.netty;

import dk.firmafon.core.internal.ResponseBody;
import dk.firmafon.core.internal.ResponseHead;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClientResponse;

/**
 * One Reactor Netty response as the pipeline's {@link ResponseHead} and {@link ResponseBody}: one object per
 * response. The body aggregates into Netty's buffers without a copy and streams copies the subscriber owns.
 */
final class NettyResponse implements ResponseHead, ResponseBody {
    private final HttpClientResponse response;
    private final ByteBufFlux body;

    NettyResponse(HttpClientResponse response, ByteBufFlux body) {
        this.response = response;
        this.body = body;
    }

    @Override
    public int status() {
        return response.status().code();
    }

    @Override
    public String reason() {
        return response.status().reasonPhrase();
    }

    @Override
    public @Nullable String header(String name) {
        return response.responseHeaders().get(name);
    }

    @Override
    public List<Map.Entry<String, String>> headers() {
        List<Map.Entry<String, String>> headers =
                new ArrayList<>(response.responseHeaders().size());
        response.responseHeaders().forEach(headers::add);
        return headers;
    }

    @Override
    public Mono<InputStream> aggregate(long max, LongFunction<? extends RuntimeException> tooLarge) {
        String length = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null) {
            long declared = parseLength(length);
            if (declared > max) {
                return Mono.error(tooLarge.apply(declared));
            }
            if (declared >= 0) {
                return body.aggregate().asInputStream();
            }
        }
        long[] seen = {0};
        return ByteBufFlux.fromInbound(body.handle((buffer, sink) -> {
                    seen[0] += buffer.readableBytes();
                    if (seen[0] > max) {
                        sink.error(tooLarge.apply(-1));
                    } else {
                        sink.next(buffer);
                    }
                }))
                .aggregate()
                .asInputStream();
    }

    @Override
    public Flux<ByteBuffer> stream() {
        return body.map(buffer -> {
            ByteBuffer copy = ByteBuffer.allocate(buffer.readableBytes());
            buffer.readBytes(copy);
            return copy.flip();
        });
    }

    @Override
    public Mono<Void> discard() {
        return body.then();
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
