package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.testing.WireMockTest;
import dk.firmafon.error.FirmafonSecurityException;
import dk.firmafon.error.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class DownloadTest extends WireMockTest {

    private static byte[] sound() {
        byte[] bytes = new byte[300_000];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    @Test
    void downloadStreamsTheBodyAsBuffersTheSubscriberOwns() {
        byte[] sound = sound();
        server.stubFor(get(urlPathEqualTo(path("/voice_mails/7/sound")))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(sound)));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int[] buffers = {0};

        StepVerifier.create(client().download(ApiRequest.get("/voice_mails/7/sound")))
                .thenConsumeWhile(buffer -> {
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    received.writeBytes(chunk);
                    buffers[0]++;
                    return true;
                })
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(received.toByteArray()).isEqualTo(sound);
        assertThat(buffers[0])
                .as("buffers of a 300 kB body (one would mean it was aggregated)")
                .isGreaterThan(1);
        server.verify(getRequestedFor(urlPathEqualTo(path("/voice_mails/7/sound")))
                .withHeader("Accept", equalTo("*/*"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void cancellingADownloadAfterTheFirstBufferReleasesIt() {
        server.stubFor(get(urlPathEqualTo(path("/voice_mails/7/sound")))
                .willReturn(aResponse().withBody(sound())));

        StepVerifier.create(client().download(ApiRequest.get("/voice_mails/7/sound"))
                        .take(1))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aFailedDownloadIsTheApiErrorForItsStatus() {
        server.stubFor(get(urlPathEqualTo(path("/voice_mails/8/sound")))
                .willReturn(aResponse().withStatus(404)));

        StepVerifier.create(client().download(ApiRequest.get("/voice_mails/8/sound")))
                .expectError(NotFoundException.class)
                .verify(TIMEOUT);
    }

    @Test
    void anAbsoluteUrlOnTheApiHostGetsTheCredentials() {
        server.stubFor(get(urlPathEqualTo("/api/v1/voice_mails/7.mp3"))
                .willReturn(aResponse().withBody("mp3")));

        StepVerifier.create(client().download(
                                ApiRequest.get("http://localhost:" + server.port() + "/api/v1/voice_mails/7.mp3")))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);
        server.verify(getRequestedFor(urlPathEqualTo("/api/v1/voice_mails/7.mp3"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void anAbsoluteUrlOnAnotherHostIsRefusedWithoutSendingAnything() {
        StepVerifier.create(client().download(ApiRequest.get("https://cdn.example.com/sound/7.mp3?sig=abc")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(FirmafonSecurityException.class)
                        .hasMessageStartingWith("refusing to send credentials to cdn.example.com, which is not the API "
                                + "host localhost"))
                .verify(TIMEOUT);
        StepVerifier.create(client().download(ApiRequest.get("http://127.0.0.1:" + server.port() + "/sound")))
                .expectError(FirmafonSecurityException.class)
                .verify(TIMEOUT);
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
