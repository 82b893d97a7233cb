package dk.firmafon.benchmarks.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dk.firmafon.benchmarks.internal.Envelopes.CallEnvelope;
import dk.firmafon.benchmarks.internal.Envelopes.CallsEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * The JDK's {@code java.net.http.HttpClient}: {@code sendAsync} with a byte-array body, decoded by Jackson on the
 * client's executor. HTTP/1.1 opens one connection per request in flight, so at most {@link #MAX_CONNECTIONS} at the
 * concurrencies measured.
 *
 * <p>Decoding is moved to the executor on purpose: with fewer than 3 processors the JDK completes each
 * {@code sendAsync} future on a new thread per request (CompletableFuture's thread-per-task fallback when the common
 * pool has parallelism 1), and what a thread allocated is lost to the per-thread counters once it has ended.
 */
public final class JdkClientContender implements Contender {
    private final ExecutorService executor;
    private final HttpClient http;
    private final HttpRequest callRequest;
    private final HttpRequest pageRequest;
    private final ObjectReader callReader;
    private final ObjectReader pageReader;

    public JdkClientContender(URI baseUri, ObjectMapper mapper) {
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "bench-jdk-client");
            thread.setDaemon(true);
            return thread;
        });
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build();
        callRequest = request(URI.create(baseUri + "/calls/" + CallsServer.KNOWN_UUID));
        pageRequest = request(URI.create(baseUri + "/calls?limit=" + CallsServer.PAGE_SIZE));
        callReader = mapper.readerFor(CallEnvelope.class);
        pageReader = mapper.readerFor(CallsEnvelope.class);
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", CallsServer.AUTHORIZATION)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    @Override
    public String name() {
        return "JDK HttpClient";
    }

    @Override
    public Mono<Integer> getCall() {
        return Mono.fromFuture(() -> http.sendAsync(callRequest, HttpResponse.BodyHandlers.ofByteArray())
                        .thenApplyAsync(
                                response -> JdkClientContender.<CallEnvelope>read(callReader, response), executor))
                .map(envelope -> envelope.call() == null ? 0 : 1);
    }

    @Override
    public Mono<Integer> newestPage() {
        return Mono.fromFuture(() -> http.sendAsync(pageRequest, HttpResponse.BodyHandlers.ofByteArray())
                        .thenApplyAsync(
                                response -> JdkClientContender.<CallsEnvelope>read(pageReader, response), executor))
                .map(envelope -> envelope.calls().size());
    }

    private static <T> T read(ObjectReader reader, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        try {
            return reader.readValue(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
