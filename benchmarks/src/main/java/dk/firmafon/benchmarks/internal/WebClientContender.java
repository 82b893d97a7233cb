package dk.firmafon.benchmarks.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.benchmarks.internal.Envelopes.CallEnvelope;
import dk.firmafon.benchmarks.internal.Envelopes.CallsEnvelope;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** What a WebFlux user writes instead: {@code WebClient} on the Reactor Netty connector with Jackson 2. */
public final class WebClientContender implements Contender {
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final ConnectionProvider pool;
    private final WebClient web;

    @SuppressWarnings({"deprecation", "removal"
    }) // Spring 7 prefers Jackson 3; the SDK and this comparison use Jackson 2
    public WebClientContender(URI baseUri, ObjectMapper mapper) {
        pool = ConnectionProvider.builder("bench-webclient")
                .maxConnections(MAX_CONNECTIONS)
                .pendingAcquireMaxCount(-1)
                .build();
        web = WebClient.builder()
                .baseUrl(baseUri.toString())
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
                .defaultHeader(HttpHeaders.AUTHORIZATION, CallsServer.AUTHORIZATION)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .codecs(codecs -> {
                    codecs.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(mapper));
                    codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES);
                })
                .build();
    }

    @Override
    public String name() {
        return "Spring WebClient";
    }

    @Override
    public Mono<Integer> getCall() {
        return web.get()
                .uri("/calls/{uuid}", CallsServer.KNOWN_UUID)
                .retrieve()
                .bodyToMono(CallEnvelope.class)
                .map(envelope -> envelope.call() == null ? 0 : 1);
    }

    @Override
    public Mono<Integer> newestPage() {
        return web.get()
                .uri("/calls?limit={limit}", CallsServer.PAGE_SIZE)
                .retrieve()
                .bodyToMono(CallsEnvelope.class)
                .map(envelope -> envelope.calls().size());
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
    }
}
