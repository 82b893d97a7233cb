package dk.firmafon.benchmarks.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dk.firmafon.benchmarks.internal.Envelopes.CallEnvelope;
import dk.firmafon.benchmarks.internal.Envelopes.CallsEnvelope;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * The practical limit: Reactor Netty's {@code HttpClient} with headers fixed once, the aggregated body read by
 * Jackson straight from the pooled buffer (no byte[] copy) with a prebuilt {@link ObjectReader}.
 */
public final class RawNettyContender implements Contender {
    private final ConnectionProvider pool;
    private final HttpClient http;
    private final ObjectReader callReader;
    private final ObjectReader pageReader;
    private final String callPath;
    private final String pagePath;
    private final String name;

    public RawNettyContender(URI baseUri, ObjectMapper mapper) {
        this(baseUri, mapper, null);
    }

    /**
     * With a {@code responseTimeout}: raw Reactor Netty with the one safety setting the SDK always applies (its
     * default is 30 s), to size what that setting costs per request ({@code focus} mode only).
     */
    public RawNettyContender(URI baseUri, ObjectMapper mapper, Duration responseTimeout) {
        pool = ConnectionProvider.builder("bench-raw")
                .maxConnections(MAX_CONNECTIONS)
                .pendingAcquireMaxCount(-1)
                .build();
        HttpClient client = HttpClient.create(pool);
        if (responseTimeout != null) {
            client = client.responseTimeout(responseTimeout);
        }
        name = responseTimeout == null ? "raw Reactor Netty" : "raw Reactor Netty + responseTimeout";
        http = client.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, CallsServer.AUTHORIZATION)
                .set(HttpHeaderNames.ACCEPT, "application/json"));
        callReader = mapper.readerFor(CallEnvelope.class);
        pageReader = mapper.readerFor(CallsEnvelope.class);
        callPath = baseUri + "/calls/" + CallsServer.KNOWN_UUID;
        pagePath = baseUri + "/calls?limit=" + CallsServer.PAGE_SIZE;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Mono<Integer> getCall() {
        return http.get()
                .uri(callPath)
                .responseSingle((response, body) -> RawNettyContender.<CallEnvelope>decode(response, body, callReader))
                .map(envelope -> envelope.call() == null ? 0 : 1);
    }

    @Override
    public Mono<Integer> newestPage() {
        return http.get()
                .uri(pagePath)
                .responseSingle((response, body) -> RawNettyContender.<CallsEnvelope>decode(response, body, pageReader))
                .map(envelope -> envelope.calls().size());
    }

    private static <T> Mono<T> decode(HttpClientResponse response, ByteBufMono body, ObjectReader reader) {
        if (response.status().code() != 200) {
            return body.then(Mono.error(
                    new IllegalStateException("HTTP " + response.status().code())));
        }
        return body.asInputStream().map(in -> read(reader, in));
    }

    private static <T> T read(ObjectReader reader, InputStream in) {
        try (in) {
            return reader.readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
    }
}
