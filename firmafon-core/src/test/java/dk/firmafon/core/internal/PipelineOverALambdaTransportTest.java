package dk.firmafon.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.ExchangeListener;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.HttpMethod;
import dk.firmafon.core.RequestObserver;
import dk.firmafon.error.AuthenticationException;
import dk.firmafon.error.FirmafonDecodingException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.error.ServerErrorException;
import dk.firmafon.net.RetryPolicy;
import dk.firmafon.testsupport.CapturedLogs;
import dk.firmafon.testsupport.TestSecrets;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The whole pipeline (retry, auth, logging, metrics) and the JSON readers over a lambda transport: scripted answers,
 * no socket. The transport-neutral seam ({@link ResponseHead}, {@link ResponseBody}) is what makes this possible.
 */
class PipelineOverALambdaTransportTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final RetryPolicy FAST = RetryPolicy.builder()
            .maxAttempts(3)
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(2))
            .jitter(0)
            .build();

    /** One scripted answer: a response, or a failure of the transport itself. */
    record Answer(@Nullable InMemoryResponse response, @Nullable Supplier<Throwable> failure) {
        static Answer status(int status, String body) {
            return new Answer(new InMemoryResponse(status, Map.of(), body), null);
        }

        static Answer fails(Supplier<Throwable> failure) {
            return new Answer(null, failure);
        }
    }

    /** A response held in memory, as a test double of both seam types. */
    record InMemoryResponse(int status, Map<String, String> headerMap, String text)
            implements ResponseHead, ResponseBody {
        @Override
        public String reason() {
            return status == 200 ? "OK" : "";
        }

        @Override
        public @Nullable String header(String name) {
            return headerMap.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public List<Map.Entry<String, String>> headers() {
            return new ArrayList<>(headerMap.entrySet());
        }

        @Override
        public Mono<InputStream> aggregate(long max, LongFunction<? extends RuntimeException> tooLarge) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > max) {
                return Mono.error(tooLarge.apply(bytes.length));
            }
            return bytes.length == 0 ? Mono.empty() : Mono.just(new ByteArrayInputStream(bytes));
        }

        @Override
        public Flux<ByteBuffer> stream() {
            return Flux.just(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public Mono<Void> discard() {
            return Mono.empty();
        }
    }

    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final Exchange transport = new Exchange() {
        @Override
        public <R> Flux<R> exchange(Attempt call, ResponseReader<R> reader) {
            return Flux.defer(() -> {
                seen.add(call.method() + " attempt " + call.attempt() + " "
                        + call.credential().value());
                Answer answer = script.poll();
                if (answer == null || answer.failure() != null) {
                    return Flux.error(
                            answer == null
                                    ? new AssertionError("no answer scripted")
                                    : answer.failure().get());
                }
                return Flux.from(reader.read(call, answer.response(), answer.response()));
            });
        }
    };
    private final ExchangeListener listener = new ExchangeListener() {
        @Override
        public void onResponse(HttpMethod method, String path, int status, int attempt, long elapsedNanos) {
            heard.add(method + " " + path + " " + status + " #" + attempt);
        }

        @Override
        public void onFailure(HttpMethod method, String path, Throwable error, int attempt, long elapsedNanos) {
            heard.add(method + " " + path + " failed #" + attempt);
        }
    };
    private final JsonReaders readers = new JsonReaders(FirmafonClient.newObjectMapper(), 1024, Clock.systemUTC());
    private final Exchange pipeline =
            Pipeline.create(transport, listener, AuthStrategy.bearer(TestSecrets.CORE_TOKEN), FAST);

    @BeforeEach
    void clearLogs() {
        CapturedLogs.clear();
    }

    private static Attempt call(HttpMethod method, String path) {
        return Attempt.first(
                method, "https://app.firmafon.dk/api/v2" + path, path, null, method.isIdempotent(), false, null);
    }

    @Test
    void anObservedCallSpansItsAttemptsAndItsObserverMayAddTraceHeadersButNeverCredentials() {
        script.add(Answer.status(503, ""));
        script.add(Answer.status(200, "{\"call\": {\"call_uuid\": \"c1\"}}"));
        List<String> observed = new CopyOnWriteArrayList<>();
        List<String> sentHeaders = new CopyOnWriteArrayList<>();
        RequestObserver observer = (method, template, context) -> new RequestObserver.ObservedCall() {
            @Override
            public RequestObserver.ObservedAttempt attempt(int attempt, BiConsumer<String, String> headers) {
                headers.accept("traceparent", "00-trace-" + attempt);
                headers.accept("Authorization", "Bearer stolen");
                headers.accept("X-Split", "a\r\nInjected: yes");
                observed.add("attempt " + attempt);
                return new RequestObserver.ObservedAttempt() {
                    @Override
                    public void response(int status) {
                        observed.add("response " + status);
                    }
                };
            }

            @Override
            public void succeeded(int status, int attempts) {
                observed.add("succeeded " + status + " after " + attempts);
            }

            @Override
            public void failed(Throwable error, int status, int attempts) {
                observed.add("failed");
            }

            @Override
            public void cancelled(int status, int attempts) {
                observed.add("cancelled");
            }
        };
        Exchange recording = new Exchange() {
            @Override
            public <R> Flux<R> exchange(Attempt call, ResponseReader<R> reader) {
                sentHeaders.add(String.join(",", call.headers()));
                return transport.exchange(call, reader);
            }
        };
        Exchange observedPipeline = Pipeline.create(
                recording, ExchangeListener.NONE, observer, AuthStrategy.bearer(TestSecrets.CORE_TOKEN), FAST);

        StepVerifier.create(observedPipeline
                        .exchange(
                                call(HttpMethod.GET, "/calls/c1").withPathTemplate("/calls/{uuid}"),
                                readers.envelope("call", JsonNode.class))
                        .doOnNext(value -> observed.add("value delivered"))
                        .next())
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        // the call has ended (its timer stopped) before its value reaches the subscriber
        assertThat(observed)
                .containsExactly(
                        "attempt 1",
                        "response 503",
                        "attempt 2",
                        "response 200",
                        "succeeded 200 after 2",
                        "value delivered");
        assertThat(sentHeaders).containsExactly("traceparent,00-trace-1", "traceparent,00-trace-2");
        assertThat(seen).allSatisfy(line -> assertThat(line).endsWith("Bearer " + TestSecrets.CORE_TOKEN));
    }

    @Test
    void aPathTemplateReachesTheExchangeListener() {
        script.add(Answer.status(200, "{\"call\": {\"call_uuid\": \"c1\"}}"));
        List<String> templates = new CopyOnWriteArrayList<>();
        Exchange withTemplates = Pipeline.create(
                transport,
                new ExchangeListener() {
                    @Override
                    public void onResponse(
                            HttpMethod method, String path, String template, int status, int attempt, long nanos) {
                        templates.add(path + " as " + template);
                    }
                },
                AuthStrategy.bearer(TestSecrets.CORE_TOKEN),
                FAST);
        withTemplates
                .exchange(
                        call(HttpMethod.GET, "/calls/c1").withPathTemplate("/calls/{uuid}"),
                        readers.envelope("call", JsonNode.class))
                .blockLast(TIMEOUT);
        assertThat(templates).containsExactly("/calls/c1 as /calls/{uuid}");
    }

    @Test
    void aGetIsRetriedAfterTwo503sWithTheCredentialOnEveryAttemptAndEachAttemptIsHeardAndLogged() {
        script.add(Answer.status(503, "<html>busy</html>"));
        script.add(Answer.status(503, ""));
        script.add(Answer.status(200, "{\"call\": {\"call_uuid\": \"c1\"}}"));

        StepVerifier.create(
                        pipeline.exchange(call(HttpMethod.GET, "/calls/c1"), readers.envelope("call", JsonNode.class))
                                .map(node -> node.get("call_uuid").asText()))
                .expectNext("c1")
                .expectComplete()
                .verify(TIMEOUT);

        String bearer = "Bearer " + TestSecrets.CORE_TOKEN;
        assertThat(seen)
                .containsExactly("GET attempt 1 " + bearer, "GET attempt 2 " + bearer, "GET attempt 3 " + bearer);
        assertThat(heard).containsExactly("GET /calls/c1 503 #1", "GET /calls/c1 503 #2", "GET /calls/c1 200 #3");
        assertThat(CapturedLogs.lines())
                .filteredOn(line -> line.startsWith("DEBUG <-- "))
                .extracting(line -> line.substring(0, 14))
                .containsExactly("DEBUG <-- 503 ", "DEBUG <-- 503 ", "DEBUG <-- 200 ");
    }

    @Test
    void aPostThatMayHaveReachedTheServerIsNotRetriedAfterA503() {
        script.add(Answer.status(503, ""));

        StepVerifier.create(pipeline.exchange(call(HttpMethod.POST, "/employees/1/message"), readers.discard()))
                .expectError(ServerErrorException.class)
                .verify(TIMEOUT);

        assertThat(seen).hasSize(1);
    }

    @Test
    void aPostWhoseConnectionNeverOpenedIsRetried() {
        script.add(
                Answer.fails(() -> new FirmafonIoException("refused", null, FirmafonIoException.Kind.CONNECT, false)));
        script.add(Answer.status(200, ""));

        StepVerifier.create(pipeline.exchange(call(HttpMethod.POST, "/employees/1/message"), readers.discard()))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(seen).hasSize(2);
        assertThat(heard).containsExactly("POST /employees/1/message failed #1", "POST /employees/1/message 200 #2");
    }

    @Test
    void a401WithAStaticTokenIsAnAuthenticationErrorAfterOneAttempt() {
        script.add(Answer.status(401, "{\"status\": \"failure\", \"message\": \"401 Unauthorized\"}"));

        StepVerifier.create(pipeline.exchange(call(HttpMethod.GET, "/employee"), readers.tree()))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(AuthenticationException.class)
                        .hasMessageContaining("401"))
                .verify(TIMEOUT);

        assertThat(seen).hasSize(1);
    }

    @Test
    void aBodyOverTheLimitIsADecodingErrorNamingTheLimit() {
        script.add(Answer.status(200, "{\"call\": {\"x\": \"" + "y".repeat(2000) + "\"}}"));

        StepVerifier.create(
                        pipeline.exchange(call(HttpMethod.GET, "/calls/c1"), readers.envelope("call", JsonNode.class)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(FirmafonDecodingException.class)
                        .hasMessageContaining("exceeds the maximum of 1024 bytes (maxResponseSize)"))
                .verify(TIMEOUT);
    }
}
