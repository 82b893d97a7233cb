package dk.firmafon;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.FirmafonClient;
import dk.firmafon.error.FirmafonDecodingException;
import dk.firmafon.testsupport.ErrorChains;
import dk.firmafon.testsupport.HostileJson;
import dk.firmafon.testsupport.ReplyServer;
import dk.firmafon.testsupport.ReplyServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The exhaustive companion of {@link ModelHostileInputProperties}: in each model's fixture, every field and the
 * first element of every array, at every depth, replaced in turn by a value of each JSON type, is read through the client and either
 * decodes or fails with a {@link FirmafonDecodingException} free of NPEs and class cast errors.
 */
class EveryModelFieldOfTheWrongTypeTest {
    private static final List<String> WRONG_VALUES = List.of(
            "\"x\"",
            "\"\"",
            "12",
            "true",
            "null",
            "[1,\"a\",null]",
            "{\"x\":{\"y\":[]}}",
            "123456789012345678901234567890.5e999");
    /** Elements after the first of an array have the same shape: the sweep takes the first of each. */
    private static final Pattern LATER_ELEMENT = Pattern.compile(".*/[1-9][0-9]*(/.*)?");

    private static ReplyServer server;
    private static FirmafonClient client;

    @BeforeAll
    static void start() {
        server = ReplyServer.start();
        client = HostileModel.clientOf(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @ParameterizedTest
    @EnumSource(HostileModel.class)
    void everyFieldOfTheWrongTypeDecodesOrFailsAsADecodingError(HostileModel model) {
        List<String> bodies = new ArrayList<>();
        List<String> paths = HostileJson.fieldPaths(model.fixture);
        IntStream.range(0, paths.size())
                .filter(index -> !LATER_ELEMENT.matcher(paths.get(index)).matches())
                .forEach(index ->
                        WRONG_VALUES.forEach(value -> bodies.add(HostileJson.replaceAt(model.fixture, index, value))));
        List<String> failures = new ArrayList<>();

        Flux<Void> all = Flux.fromIterable(bodies).concatMap(body -> Mono.defer(() -> {
                    server.reply(Reply.json(200, body));
                    return model.readThrough(client);
                })
                .doOnNext(signal -> {
                    try {
                        ErrorChains.assertOnly(FirmafonDecodingException.class, signal);
                    } catch (AssertionError e) {
                        failures.add(body + " -> " + e.getMessage());
                    }
                })
                .then());

        StepVerifier.create(all).expectComplete().verify(Duration.ofSeconds(60));
        assertThat(bodies).hasSizeGreaterThan(WRONG_VALUES.size());
        assertThat(failures).isEmpty();
    }
}
