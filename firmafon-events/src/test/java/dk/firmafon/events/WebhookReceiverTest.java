package dk.firmafon.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** Relatel webhook deliveries: signature, tolerance, de-duplication, the opaque payload, and no secret anywhere. */
class WebhookReceiverTest {
    private static final String SECRET = "whsec-S1gning-value";
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final byte[] BODY = ("{\"delivery_id\":\"d-1\",\"event_type\":\"call.ended\","
                    + "\"occurred_at\":\"2026-12-06T10:59:00+01:00\",\"payload\":{\"call_uuid\":\"u-1\",\"x\":[1]}}")
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookReceiver receiver = WebhookReceiver.builder()
            .signingSecret(SECRET)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    private static String hex(byte[] signature) {
        return HexFormat.of().formatHex(signature);
    }

    private Map<String, List<String>> signed(long t, byte[] body, String... extraV1) {
        StringBuilder header = new StringBuilder("t=" + t);
        for (String v1 : extraV1) {
            header.append(",v1=").append(v1);
        }
        header.append(",v1=").append(hex(receiver.sign(t, body)));
        return Map.of("relatel-signature", List.of(header.toString()), "Relatel-Delivery-Id", List.of("d-1"));
    }

    @Test
    void aSignedDeliveryIsEmittedOnceWithItsPayloadKeptAsJson() {
        List<WebhookDelivery> received = new CopyOnWriteArrayList<>();
        Disposable subscription = receiver.deliveries().subscribe(received::add);
        assertThat(receiver.receive(BODY, signed(NOW.getEpochSecond(), BODY)))
                .isEqualTo(WebhookReceiver.Outcome.ACCEPTED);
        assertThat(receiver.receive(BODY, signed(NOW.getEpochSecond() - 10, BODY)))
                .isEqualTo(WebhookReceiver.Outcome.DUPLICATE);
        subscription.dispose();
        assertThat(received).singleElement().satisfies(delivery -> {
            assertThat(delivery.deliveryId()).isEqualTo("d-1");
            assertThat(delivery.eventType()).isEqualTo("call.ended");
            assertThat(delivery.occurredAt()).isPresent();
            assertThat(delivery.payload().path("x").get(0).asInt()).isEqualTo(1);
            assertThat(delivery.callUuid()).contains("u-1");
        });
    }

    @Test
    void oneMatchingV1AmongSeveralIsEnough() {
        assertThat(receiver.receive(BODY, signed(NOW.getEpochSecond(), BODY, "00ff", hex(new byte[32]))))
                .isEqualTo(WebhookReceiver.Outcome.ACCEPTED);
    }

    @Test
    void aTamperedBodyAWrongSecretOrAnOldTimestampIsRefusedNamingTheFault() {
        long t = NOW.getEpochSecond();
        byte[] tampered =
                new String(BODY, StandardCharsets.UTF_8).replace("u-1", "u-2").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> receiver.receive(tampered, signed(t, BODY)))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessage("no v1 signature of the delivery matches its body");
        WebhookReceiver other = WebhookReceiver.builder()
                .signingSecret("another-secret")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        assertThatThrownBy(() -> other.receive(BODY, signed(t, BODY))).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() ->
                        receiver.receive(BODY, signed(t - Duration.ofMinutes(6).getSeconds(), BODY)))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("beyond the tolerance of 300 s");
        assertThatThrownBy(() -> receiver.receive(BODY, Map.of()))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessage("the delivery has no Relatel-Signature header");
        assertThatThrownBy(() -> receiver.receive(BODY, Map.of("Relatel-Signature", List.of("v1=abcd"))))
                .hasMessage("Relatel-Signature has no timestamp t=");
        assertThatThrownBy(() -> receiver.receive(BODY, Map.of("Relatel-Signature", List.of("t=" + t))))
                .hasMessage("Relatel-Signature has no v1= signature");
        assertThatThrownBy(() -> receiver.receive(BODY, Map.of("Relatel-Signature", List.of("t=" + t + ",v1=zz"))))
                .hasMessage("Relatel-Signature has a v1 signature that is not hex");
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> receiver.receive(notJson, signed(t, notJson)))
                .hasMessage("the delivery's body is not JSON");
    }

    @Test
    void theSigningSecretIsNeverPrintedAndMustBeGiven() {
        assertThat(receiver.toString()).doesNotContain(SECRET).contains("[REDACTED]");
        assertThat(WebhookReceiver.builder().signingSecret(SECRET).toString()).doesNotContain(SECRET);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookReceiver.builder().build())
                .withMessage("signingSecret must be set");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookReceiver.builder().signingSecret(" "))
                .withMessage("signingSecret must not be null or blank");
    }

    @Test
    void aFullBufferRefusesTheDeliverySoTheSenderRetriesAndItIsNotRememberedAsSeen() {
        WebhookReceiver small = WebhookReceiver.builder()
                .signingSecret(SECRET)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .buffer(1)
                .build();
        long t = NOW.getEpochSecond();
        byte[] first = BODY;
        byte[] second =
                new String(BODY, StandardCharsets.UTF_8).replace("d-1", "d-2").getBytes(StandardCharsets.UTF_8);
        assertThat(small.receive(
                        first, Map.of("Relatel-Signature", List.of("t=" + t + ",v1=" + hex(small.sign(t, first))))))
                .isEqualTo(WebhookReceiver.Outcome.ACCEPTED);
        Map<String, List<String>> secondHeaders =
                Map.of("Relatel-Signature", List.of("t=" + t + ",v1=" + hex(small.sign(t, second))));
        assertThatThrownBy(() -> small.receive(second, secondHeaders)).isInstanceOf(IllegalStateException.class);
        List<WebhookDelivery> received = new CopyOnWriteArrayList<>();
        Disposable subscription = small.deliveries().subscribe(received::add);
        assertThat(small.receive(second, secondHeaders)).isEqualTo(WebhookReceiver.Outcome.ACCEPTED);
        subscription.dispose();
        assertThat(received).extracting(WebhookDelivery::deliveryId).containsExactly("d-1", "d-2");
    }
}
