package dk.firmafon;

import dk.firmafon.core.FirmafonClient;
import dk.firmafon.error.FirmafonDecodingException;
import dk.firmafon.testsupport.ErrorChains;
import dk.firmafon.testsupport.HostileJson;
import dk.firmafon.testsupport.ReplyServer;
import dk.firmafon.testsupport.ReplyServer.Reply;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
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
    record Case(HostileModel model, String body) {
    }

    @BeforeContainer
    static void start() {
        server = ReplyServer.start();
        client = HostileModel.clientOf(server);
    }

    @AfterContainer
    static void stop() {
        client.close();
        server.close();
    }

    @Property(tries = 200)
    void anyFieldOfTheWrongTypeFailsOnlyAsADecodingError(@ForAll("wrongFields") Case hostile) {
        expectOnlyDecodingErrors(hostile);
    }

    @Property(tries = 50)
    void aTruncatedModelFailsOnlyAsADecodingError(@ForAll("truncated") Case hostile) {
        expectOnlyDecodingErrors(hostile);
    }

    static void expectOnlyDecodingErrors(Case hostile) {
        server.reply(Reply.json(200, hostile.body()));

        StepVerifier.create(hostile.model().readThrough(client))
                .assertNext(signal -> ErrorChains.assertOnly(FirmafonDecodingException.class, signal))
                .expectComplete()
                .verify(Duration.ofSeconds(20));
    }

    @Provide
    Arbitrary<Case> wrongFields() {
        return Arbitraries.of(HostileModel.values()).flatMap(model ->
                HostileJson.withOneFieldReplaced(model.fixture).map(body -> new Case(model, body)));
    }

    @Provide
    Arbitrary<Case> truncated() {
        return Combinators.combine(Arbitraries.of(HostileModel.values()), Arbitraries.doubles().between(0, 1))
                .as((model, at) -> new Case(model, model.fixture.substring(0, (int) (at * (model.fixture.length() - 1)))));
    }
}
