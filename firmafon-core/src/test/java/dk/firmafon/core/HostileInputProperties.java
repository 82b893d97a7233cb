package dk.firmafon.core;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.model.Contact;
import dk.firmafon.error.FirmafonDecodingException;
import dk.firmafon.error.FirmafonException;
import dk.firmafon.testsupport.ErrorChains;
import dk.firmafon.testsupport.HostileJson;
import dk.firmafon.testsupport.ReplyServer;
import dk.firmafon.testsupport.ReplyServer.Reply;
import dk.firmafon.testsupport.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Whatever a server answers (any status from 100 to 599, with 1xx, which never completes an exchange, less often;
 * any body: random, truncated, huge or 10,000 levels deep JSON), every operation of the client completes or fails
 * with the SDK's own exception, never with a Jackson type, a {@code NullPointerException} or a
 * {@code ClassCastException}; a 2xx body that cannot be read is always a {@link FirmafonDecodingException}.
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

    @BeforeContainer
    static void start() {
        server = ReplyServer.start();
        client = FirmafonClient.builder().baseUri(server.baseUri().resolve("/api/v2"))
                .auth(AuthStrategy.bearer(TestSecrets.CORE_TOKEN))
                .retryPolicy(RetryPolicy.none())
                .build();
        // its own pool, not a mutate() sharing client's: the 1xx answers it is fed can leave a connection mid-exchange,
        // and the other properties must not draw that connection from a shared pool
        impatient = FirmafonClient.builder().baseUri(server.baseUri().resolve("/api/v2"))
                .auth(AuthStrategy.bearer(TestSecrets.CORE_TOKEN))
                .retryPolicy(RetryPolicy.none())
                .responseTimeout(Duration.ofMillis(250))
                .build();
    }

    @AfterContainer
    static void stop() {
        client.close();
        impatient.close();
        server.close();
    }

    @Property(tries = 200)
    void anyStatusWithAnyBodyFailsOnlyWithTheSdksExceptions(@ForAll("statuses") int status,
            @ForAll("bodies") String body, @ForAll boolean jsonContentType, @ForAll("retryAfter") String retryAfter,
            @ForAll Operation operation) {
        Map<String, String> headers = new HashMap<>();
        if (jsonContentType) {
            headers.put("Content-Type", "application/json");
        }
        if (!retryAfter.isEmpty()) {
            headers.put("Retry-After", retryAfter);
        }
        server.reply(new Reply(status, headers, body.getBytes(StandardCharsets.UTF_8)));

        expectOnly(impatient, FirmafonException.class, operation);
    }

    @Property(tries = 200)
    void aSuccessfulResponseWithHostileJsonFailsOnlyAsADecodingError(@ForAll("hostileDocuments") String body,
            @ForAll("decoding") Operation operation) {
        server.reply(Reply.json(200, body));

        expectOnly(client, FirmafonDecodingException.class, operation);
    }

    @Property(tries = 200)
    void aContactWithAnyFieldOfTheWrongTypeFailsOnlyAsADecodingError(@ForAll("hostileContacts") String body) {
        server.reply(Reply.json(200, body));

        expectOnly(client, FirmafonDecodingException.class, Operation.RETRIEVE);
    }

    private static void expectOnly(FirmafonClient client, Class<? extends Throwable> allowed, Operation operation) {
        StepVerifier.create(Flux.from(operation.call.apply(client)).then().materialize())
                .assertNext(signal -> ErrorChains.assertOnly(allowed, signal))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().ofMaxLength(200),
                HostileJson.values(),
                HostileJson.truncated(HostileJson.values()),
                HostileJson.values().map(v -> "{\"contact\":" + v + ",\"contacts\":[" + v + "]}"),
                HostileJson.values().map(v -> "{\"status\":" + v + ",\"message\":" + v + ",\"error\":" + v
                        + ",\"error_description\":" + v + "}"),
                HostileJson.deepNesting(),
                HostileJson.hugeStrings());
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(100, 199)),
                Tuple.of(9, Arbitraries.integers().between(200, 599)));
    }

    @Provide
    Arbitrary<String> retryAfter() {
        return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30),
                Arbitraries.longs().map(String::valueOf), HostileJson.hugeNumbers(),
                Arbitraries.of("Wed, 21 Oct 2015 07:28:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "-1", "1.5"));
    }

    @Provide
    Arbitrary<Operation> decoding() {
        return Arbitraries.of(Operation.RETRIEVE, Operation.RETRIEVE_LIST, Operation.RETRIEVE_JSON);
    }

    @Provide
    Arbitrary<String> hostileDocuments() {
        Arbitrary<String> envelopes = HostileJson.values().map(v -> "{\"contact\":" + v + ",\"contacts\":" + v + "}");
        return Arbitraries.oneOf(
                HostileJson.values(),
                envelopes,
                HostileJson.truncated(envelopes),
                HostileJson.deepNesting(),
                HostileJson.deepNesting().map(deep -> "{\"contact\":" + deep + "}"),
                HostileJson.deepNesting().map(deep -> "{\"contacts\":" + deep + "}"),
                HostileJson.hugeStrings().map(huge -> "{\"contact\":{\"name\":" + huge + "}}"),
                HostileJson.hugeNumbers().map(n -> "{\"contact\":{\"id\":" + n + "},\"contacts\":[{\"id\":" + n + "}]}"));
    }

    @Provide
    Arbitrary<String> hostileContacts() {
        String contact = "{\"contact\": {\"id\": 311, \"number\": \"4520304050\", \"name\": \"Ida Iversen\","
                + " \"email\": \"ida@example.org\"}}";
        return Arbitraries.oneOf(HostileJson.withOneFieldReplaced(contact),
                HostileJson.truncated(Arbitraries.just(contact)));
    }
}
