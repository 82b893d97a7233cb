package dk.firmafon.testkit;

import static dk.firmafon.testkit.Http.body;
import static dk.firmafon.testkit.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.testsupport.Secrets;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeFirmafonExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeFirmafonTest {
    private static final String MY_TOKEN = Secrets.register(Secrets.Kind.ACCESS_TOKEN, "my-token");

    @Test
    @Order(1)
    void aTestChangesState(FakeFirmafon fake) {
        Http.json(fake, "PUT", "/voice_mails/5040", "{\"voice_mail\":{\"heard\":true}}");
        assertThat(body(get(fake, "/voice_mails/5040")).at("/voice_mail/heard").asBoolean())
                .isTrue();
    }

    @Test
    @Order(2)
    void theNextTestSeesTheSeededStateOnTheSameServer(FakeFirmafon fake) {
        assertThat(body(get(fake, "/voice_mails/5040")).at("/voice_mail/heard").asBoolean())
                .isFalse();
    }

    @Test
    void plainApiStartsOnLoopbackWithAFreePortAndStops() {
        FakeFirmafon fake =
                FakeFirmafon.builder().accessToken(MY_TOKEN).clientId("my-app").start();
        try {
            assertThat(fake.baseUri().toString()).isEqualTo("http://127.0.0.1:" + fake.port() + "/api/v2");
            assertThat(fake.accessToken()).isEqualTo(MY_TOKEN);
            assertThat(fake.clientId()).isEqualTo("my-app");
            assertThat(get(fake, "/employee").statusCode()).isEqualTo(200);
        } finally {
            fake.stop();
        }
    }

    @Test
    void largeSoundIsStreamedAndMatchesTheExpectedBytes(FakeFirmafon fake) throws Exception {
        long size = 12L * 1024 * 1024;
        long id = fake.voiceMailWithSound(size);
        assertThat(body(get(fake, "/voice_mails?limit=1"))
                        .at("/voice_mails/0/id")
                        .asLong())
                .isEqualTo(id);

        HttpResponse<InputStream> response = Http.CLIENT.send(
                Http.authorized(fake, "/voice_mails/" + id + "/sound").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(size);
        try (InputStream received = response.body();
                InputStream expected = fake.expectedSound(id)) {
            assertThat(digest(received)).isEqualTo(digest(expected));
        }
    }

    private static byte[] digest(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            sha.update(buffer, 0, n);
        }
        return sha.digest();
    }
}
