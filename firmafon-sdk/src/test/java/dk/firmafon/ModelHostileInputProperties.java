package dk.firmafon;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import dk.firmafon.core.FirmafonClient;
import dk.firmafon.error.FirmafonDecodingException;
import dk.firmafon.testsupport.ErrorChains;
import dk.firmafon.testsupport.HostileJson;
import dk.firmafon.testsupport.ReplyServer;
import dk.firmafon.testsupport.ReplyServer.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import reactor.test.StepVerifier;

/**
 * Every server model (Call, CallNode, Employee, EmployeeGroup, Contact, Reception, VoiceMail, Announcement), read
 * through the client's real transport and decoder from a fixture with any field at any depth replaced by a value
 * of another type (including huge strings and numbers and deep nesting), or cut off anywhere, either decodes or
 * fails with a {@link FirmafonDecodingException}: never a Jackson type, a {@code NullPointerException} or a
 * {@code ClassCastException}.
 */
class ModelHostileInputProperties {
    private static ReplyServer server;
    private static FirmafonClient client;

    /** One request: which model is read and the body the server answers with. */
    record Case(HostileModel model, String body) {}

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

    @Test
    void anyFieldOfTheWrongTypeFailsOnlyAsADecodingError() {
        qt().withExamples(200).forAll(wrongFields()).checkAssert(ModelHostileInputProperties::expectOnlyDecodingErrors);
    }

    @Test
    void aTruncatedModelFailsOnlyAsADecodingError() {
        qt().withExamples(50).forAll(truncated()).checkAssert(ModelHostileInputProperties::expectOnlyDecodingErrors);
    }

    static void expectOnlyDecodingErrors(Case hostile) {
        server.reply(Reply.json(200, hostile.body()));

        StepVerifier.create(hostile.model().readThrough(client))
                .assertNext(signal -> ErrorChains.assertOnly(FirmafonDecodingException.class, signal))
                .expectComplete()
                .verify(Duration.ofSeconds(20));
    }

    private static Gen<Case> wrongFields() {
        return Generate.pick(List.of(HostileModel.values()))
                .flatMap(
                        model -> HostileJson.withOneFieldReplaced(model.fixture).map(body -> new Case(model, body)));
    }

    private static Gen<Case> truncated() {
        return Generate.pick(List.of(HostileModel.values()))
                .zip(
                        doubles().between(0, 1),
                        (model, at) ->
                                new Case(model, model.fixture.substring(0, (int) (at * (model.fixture.length() - 1)))));
    }
}
