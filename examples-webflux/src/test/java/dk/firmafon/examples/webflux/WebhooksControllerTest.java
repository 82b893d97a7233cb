package dk.firmafon.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.events.WebhookDelivery;
import dk.firmafon.events.WebhookReceiver;
import dk.firmafon.testkit.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** A signed delivery is accepted once over HTTP, a duplicate answered 200 and not emitted, a forged one 401. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "spring.security.oauth2.client.registration.firmafon.client-id=webhook-test",
            "spring.security.oauth2.client.registration.firmafon.client-secret=webhook-test-secret",
            "firmafon.webhooks.signing-secret=whsec-Ex4mple"
        })
class WebhooksControllerTest {
    private static final byte[] BODY = ("{\"delivery_id\":\"d-7\",\"event_type\":\"call.created\","
                    + "\"payload\":{\"call_uuid\":\"u-7\"}}")
            .getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    WebhookReceiver receiver;

    private WebTestClient web() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private String signature(byte[] body) {
        long t = Instant.now().getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(receiver.sign(t, body));
    }

    @Test
    void aSignedDeliveryIsAcceptedOnceAndAForgedOneIsRefused() {
        StepVerifier.create(receiver.deliveries()
                        .filter(delivery -> delivery.deliveryId().equals("d-7"))
                        .take(1))
                .then(() -> {
                    web().post()
                            .uri("/webhooks/relatel")
                            .header("Relatel-Signature", signature(BODY))
                            .bodyValue(BODY)
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(String.class)
                            .isEqualTo("ACCEPTED");
                    web().post()
                            .uri("/webhooks/relatel")
                            .header("Relatel-Signature", signature(BODY))
                            .bodyValue(BODY)
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(String.class)
                            .isEqualTo("DUPLICATE");
                })
                .assertNext(delivery -> assertThat(delivery)
                        .extracting(WebhookDelivery::deliveryId, WebhookDelivery::eventType)
                        .containsExactly("d-7", "call.created"))
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        web().post()
                .uri("/webhooks/relatel")
                .header("Relatel-Signature", "t=" + Instant.now().getEpochSecond() + ",v1=" + "00".repeat(32))
                .bodyValue(BODY)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aDeliverySignedByTheTestkitIsAcceptedAndAMalformedBodyIs400() {
        // [readme]
        WebhookSigner signer = WebhookSigner.withSecret("whsec-Ex4mple"); // the secret the application is given
        WebhookSigner.Signed delivery = signer.sign(WebhookSigner.body("d-8", "call.ended", "{\"call_uuid\":\"u-8\"}"));
        web().post()
                .uri("/webhooks/relatel")
                .headers(headers -> delivery.headers().forEach(headers::addAll))
                .bodyValue(delivery.body())
                .exchange()
                .expectStatus()
                .isOk();
        // [readme]
        WebhookSigner.Signed trailing = signer.sign("{\"delivery_id\":\"d-9\"} {}".getBytes(StandardCharsets.UTF_8));
        web().post()
                .uri("/webhooks/relatel")
                .headers(headers -> trailing.headers().forEach(headers::addAll))
                .bodyValue(trailing.body())
                .exchange()
                .expectStatus()
                .isBadRequest();
    }
}
