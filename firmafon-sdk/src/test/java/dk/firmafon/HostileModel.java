package dk.firmafon;

import dk.firmafon.announcements.model.Announcement;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.calls.model.Call;
import dk.firmafon.calls.model.CallNode;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.model.Contact;
import dk.firmafon.employees.model.Employee;
import dk.firmafon.employees.model.EmployeeGroup;
import dk.firmafon.employees.model.Reception;
import dk.firmafon.net.RetryPolicy;
import dk.firmafon.testsupport.ReplyServer;
import dk.firmafon.testsupport.TestSecrets;
import dk.firmafon.voicemails.model.VoiceMail;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

/** Every server model with its envelope key and its fixture ({@code src/test/resources/hostile}). */
enum HostileModel {
    CALL("call", Call.class),
    CALL_NODE("call_node", CallNode.class),
    EMPLOYEE("employee", Employee.class),
    EMPLOYEE_GROUP("employee_group", EmployeeGroup.class),
    CONTACT("contact", Contact.class),
    RECEPTION("reception", Reception.class),
    VOICE_MAIL("voice_mail", VoiceMail.class),
    ANNOUNCEMENT("announcement", Announcement.class);

    final String key;
    final Class<?> type;
    final String fixture;

    HostileModel(String key, Class<?> type) {
        this.key = key;
        this.type = type;
        this.fixture = read("/hostile/" + key + ".json");
    }

    /** A client of {@code server} that does not retry, so each request sees exactly one reply. */
    static FirmafonClient clientOf(ReplyServer server) {
        return FirmafonClient.builder()
                .baseUri(server.baseUri().resolve("/api/v2"))
                .auth(AuthStrategy.bearer(TestSecrets.TEST_TOKEN))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    /** Reads this model through {@code client}'s transport and decoder: what it delivered, as one signal. */
    Mono<Signal<Void>> readThrough(FirmafonClient client) {
        return client.retrieve(ApiRequest.get("/" + key), key, type).then().materialize();
    }

    private static String read(String resource) {
        try (InputStream in = HostileModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
