package dk.firmafon.core;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.model.Contact;
import dk.firmafon.error.FirmafonDecodingException;
import dk.firmafon.error.FirmafonException;
import dk.firmafon.net.RetryPolicy;
import dk.firmafon.testsupport.ErrorChains;
import dk.firmafon.testsupport.HostileJson;
import dk.firmafon.testsupport.ReplyServer;
import dk.firmafon.testsupport.ReplyServer.Reply;
import dk.firmafon.testsupport.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Whatever a server answers (any status from 100 to 599, with 1xx, which never completes an exchange, less often;
 * any body: random, truncated, huge or 10,000 levels deep JSON), every operation of the client completes or fails
 * with the SDK's own exception, never with a Jackson type, a {@code NullPointerException} or a
 * {@code ClassCastException}; a 2xx body that cannot be read is always a {@link FirmafonDecodingException}.
 * Properties of QuickTheories: a failure prints the smallest falsifying input it shrank to and the seed
 * ({@code mvn verify -DQT_SEED=<seed>} repeats the run).
 */
class HostileInputProperties {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static ReplyServer server;
    private static FirmafonClient client;
    /** A 1xx final answer never completes an exchange: this client gives up on it quickly. */
    private static FirmafonClient impatient;

    /** The operations of the client that read a response. */
    enum Operation {
        RETRIEVE(c -> c.retrieve(ApiRequest.get("/contacts/1"), "contact", Contact.class)),
        RETRIEVE_LIST(c -> c.retrieveList(ApiRequest.get("/contacts"), "contacts", Contact.class)),
        RETRIEVE_JSON(c -> c.retrieveJson(ApiRequest.get("/contacts/1"))),
        EXECUTE(c -> c.execute(ApiRequest.put("/contacts/1").withBody(Map.of("contact", Map.of("name", "x"))))),
        DOWNLOAD(c -> c.download(ApiRequest.get("/voice_mails/1/sound")));

        private final Function<FirmafonClient, Publisher<?>> call;

        Operation(Function<FirmafonClient, Publisher<?>> call) {
            this.call = call;
        }
    }

    /** The headers an answer may carry. */
    record Headers(boolean jsonContentType, String retryAfter) {}

    @BeforeAll
    static void start() {
        server = ReplyServer.start();
        client = FirmafonClient.builder()
                .baseUri(server.baseUri().resolve("/api/v2"))
                .auth(AuthStrategy.bearer(TestSecrets.CORE_TOKEN))
                .retryPolicy(RetryPolicy.none())
                .build();
        // its own pool, not a mutate() sharing client's: the 1xx answers it is fed can leave a connection mid-exchange,
        // and the other properties must not draw that connection from a shared pool
        impatient = FirmafonClient.builder()
                .baseUri(server.baseUri().resolve("/api/v2"))
                .auth(AuthStrategy.bearer(TestSecrets.CORE_TOKEN))
                .retryPolicy(RetryPolicy.none())
                .responseTimeout(Duration.ofMillis(250))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        impatient.close();
        server.close();
    }

    @Test
    void anyStatusWithAnyBodyFailsOnlyWithTheSdksExceptions() {
        qt().withExamples(200)
                .forAll(statuses(), bodies(), headers(), Generate.enumValues(Operation.class))
                .checkAssert((status, body, headers, operation) -> {
                    Map<String, String> sent = new HashMap<>();
                    if (headers.jsonContentType()) {
                        sent.put("Content-Type", "application/json");
                    }
                    if (!headers.retryAfter().isEmpty()) {
                        sent.put("Retry-After", headers.retryAfter());
                    }
                    server.reply(new Reply(status, sent, body.getBytes(StandardCharsets.UTF_8)));

                    expectOnly(impatient, FirmafonException.class, operation);
                });
    }

    @Test
    void aSuccessfulResponseWithHostileJsonFailsOnlyAsADecodingError() {
        qt().withExamples(200).forAll(hostileDocuments(), decoding()).checkAssert((body, operation) -> {
            server.reply(Reply.json(200, body));

            expectOnly(client, FirmafonDecodingException.class, operation);
        });
    }

    @Test
    void aContactWithAnyFieldOfTheWrongTypeFailsOnlyAsADecodingError() {
        qt().withExamples(200).forAll(hostileContacts()).checkAssert(body -> {
            server.reply(Reply.json(200, body));

            expectOnly(client, FirmafonDecodingException.class, Operation.RETRIEVE);
        });
    }

    private static void expectOnly(FirmafonClient client, Class<? extends Throwable> allowed, Operation operation) {
        StepVerifier.create(Flux.from(operation.call.apply(client)).then().materialize())
                .assertNext(signal -> ErrorChains.assertOnly(allowed, signal))
                .expectComplete()
                .verify(TIMEOUT);
    }

    private static Gen<String> bodies() {
        return Generate.oneOf(
                Generate.constant(""),
                strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 200),
                HostileJson.values(),
                HostileJson.truncated(HostileJson.values()),
                HostileJson.values().map(v -> "{\"contact\":" + v + ",\"contacts\":[" + v + "]}"),
                HostileJson.values()
                        .map(v -> "{\"status\":" + v + ",\"message\":" + v + ",\"error\":" + v
                                + ",\"error_description\":" + v + "}"),
                HostileJson.deepNesting(),
                HostileJson.hugeStrings());
    }

    private static Gen<Integer> statuses() {
        return Generate.frequency(
                Pair.of(1, integers().between(100, 199)), Pair.of(9, integers().between(200, 599)));
    }

    private static Gen<Headers> headers() {
        Gen<String> retryAfter = Generate.oneOf(
                Generate.constant(""),
                strings().betweenCodePoints(' ', '~').ofLengthBetween(0, 30),
                longs().all().map(value -> String.valueOf(value)),
                HostileJson.hugeNumbers(),
                Generate.pick(List.of("Wed, 21 Oct 2015 07:28:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "-1", "1.5")));
        return Generate.booleans().zip(retryAfter, Headers::new);
    }

    private static Gen<Operation> decoding() {
        return Generate.pick(List.of(Operation.RETRIEVE, Operation.RETRIEVE_LIST, Operation.RETRIEVE_JSON));
    }

    private static Gen<String> hostileDocuments() {
        Gen<String> envelopes = HostileJson.values().map(v -> "{\"contact\":" + v + ",\"contacts\":" + v + "}");
        return Generate.oneOf(
                HostileJson.values(),
                envelopes,
                HostileJson.truncated(envelopes),
                HostileJson.deepNesting(),
                HostileJson.deepNesting().map(deep -> "{\"contact\":" + deep + "}"),
                HostileJson.deepNesting().map(deep -> "{\"contacts\":" + deep + "}"),
                HostileJson.hugeStrings().map(huge -> "{\"contact\":{\"name\":" + huge + "}}"),
                HostileJson.hugeNumbers()
                        .map(n -> "{\"contact\":{\"id\":" + n + "},\"contacts\":[{\"id\":" + n + "}]}"));
    }

    private static Gen<String> hostileContacts() {
        String contact = "{\"contact\": {\"id\": 311, \"number\": \"4520304050\", \"name\": \"Ida Iversen\","
                + " \"email\": \"ida@example.org\"}}";
        return Generate.oneOf(
                HostileJson.withOneFieldReplaced(contact), HostileJson.truncated(Generate.constant(contact)));
    }
}
