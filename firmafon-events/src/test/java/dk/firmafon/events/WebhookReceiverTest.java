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
                .hasMessage("the delivery's body is not one JSON document (or has data after it)");
    }

    @Test
    void aSignatureFaultIs401AndAMalformedBodyIs400() {
        long t = NOW.getEpochSecond();
        assertThatThrownBy(() -> receiver.verify(BODY, Map.of()))
                .isInstanceOfSatisfying(WebhookVerificationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WebhookVerificationException.Reason.SIGNATURE_MISSING);
                    assertThat(e.status()).isEqualTo(401);
                });
        assertThatThrownBy(() -> receiver.verify(BODY, signed(t - 3_600, BODY)))
                .isInstanceOfSatisfying(WebhookVerificationException.class, e -> assertThat(e.reason())
                        .isEqualTo(WebhookVerificationException.Reason.TIMESTAMP_OUTSIDE_TOLERANCE));
        byte[] tampered =
                new String(BODY, StandardCharsets.UTF_8).replace("u-1", "u-9").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> receiver.verify(tampered, signed(t, BODY)))
                .isInstanceOfSatisfying(WebhookVerificationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WebhookVerificationException.Reason.SIGNATURE_MISMATCH);
                    assertThat(e.status()).isEqualTo(401);
                });
        byte[] array = "[1,2]".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> receiver.verify(array, signed(t, array)))
                .isInstanceOfSatisfying(WebhookVerificationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WebhookVerificationException.Reason.MALFORMED_BODY);
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    @Test
    void anythingAfterTheJsonObjectIsRefusedAsAMalformedBody() {
        long t = NOW.getEpochSecond();
        for (String trailing : new String[] {" {}", "x", " []", "\"", "}"}) {
            byte[] body = (new String(BODY, StandardCharsets.UTF_8) + trailing).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> receiver.receive(body, signed(t, body)))
                    .as("a body followed by %s", trailing)
                    .isInstanceOfSatisfying(WebhookVerificationException.class, e -> assertThat(e.status())
                            .isEqualTo(400));
        }
        byte[] spaced = (new String(BODY, StandardCharsets.UTF_8) + " \n").getBytes(StandardCharsets.UTF_8);
        assertThat(receiver.verify(spaced, signed(t, spaced)).deliveryId()).isEqualTo("d-1");
    }

    @Test
    void aReplayWithTheUnsignedDeliveryIdHeaderChangedIsEmittedOnce() {
        long t = NOW.getEpochSecond();
        byte[] noId =
                "{\"event_type\":\"call.ended\",\"payload\":{\"call_uuid\":\"u-7\"}}".getBytes(StandardCharsets.UTF_8);
        String signature = "t=" + t + ",v1=" + hex(receiver.sign(t, noId));
        List<WebhookDelivery> received = new CopyOnWriteArrayList<>();
        Disposable subscription = receiver.deliveries().subscribe(received::add);
        for (int i = 0; i < 3; i++) {
            receiver.receive(
                    noId,
                    Map.of("Relatel-Signature", List.of(signature), "Relatel-Delivery-Id", List.of("forged-" + i)));
        }
        subscription.dispose();
        assertThat(received)
                .as("the same signed body, three times, with a new header each time")
                .hasSize(1);
        assertThat(received.get(0).callUuid()).contains("u-7");
        assertThat(received.get(0).deliveryId())
                .isEqualTo("forged-0"); // informative: the header, when the body has none
    }

    @Test
    void aDeliveryWithoutDeliveryIdIsAcceptedAndItsRedeliveryIsADuplicate() {
        long t = NOW.getEpochSecond();
        byte[] noId = "{\"event_type\":\"webhook.test\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8);
        assertThat(receiver.receive(
                        noId, Map.of("Relatel-Signature", List.of("t=" + t + ",v1=" + hex(receiver.sign(t, noId))))))
                .isEqualTo(WebhookReceiver.Outcome.ACCEPTED);
        // the sender retries later, signing afresh: the same body is the same delivery
        long later = t + 30;
        WebhookReceiver.Outcome again = WebhookReceiver.builder()
                .signingSecret(SECRET)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build()
                .receive(
                        noId,
                        Map.of("Relatel-Signature", List.of("t=" + later + ",v1=" + hex(receiver.sign(later, noId)))));
        assertThat(again).as("a fresh receiver has not seen it").isEqualTo(WebhookReceiver.Outcome.ACCEPTED);
        assertThat(receiver.receive(
                        noId,
                        Map.of("Relatel-Signature", List.of("t=" + later + ",v1=" + hex(receiver.sign(later, noId))))))
                .isEqualTo(WebhookReceiver.Outcome.DUPLICATE);
    }

    @Test
    void requireDeliveryIdRefusesABodyWithoutOneAndKeepsTheOthers() {
        WebhookReceiver strict = WebhookReceiver.builder()
                .signingSecret(SECRET)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .requireDeliveryId(true)
                .build();
        long t = NOW.getEpochSecond();
        byte[] noId = "{\"event_type\":\"webhook.test\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> strict.receive(
                        noId, Map.of("Relatel-Signature", List.of("t=" + t + ",v1=" + hex(strict.sign(t, noId))))))
                .isInstanceOfSatisfying(WebhookVerificationException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(WebhookVerificationException.Reason.MALFORMED_BODY);
                    assertThat(refused.status()).isEqualTo(400);
                })
                .hasMessageContaining("no delivery_id");
        assertThat(strict.receive(BODY, signed(t, BODY))).isEqualTo(WebhookReceiver.Outcome.ACCEPTED);
    }

    @Test
    void verifyReturnsTheDeliveryWithoutEmittingOrRememberingIt() {
        long t = NOW.getEpochSecond();
        WebhookDelivery delivery = receiver.verify(BODY, signed(t, BODY));
        assertThat(delivery.deliveryId()).isEqualTo("d-1");
        assertThat(delivery.eventType()).isEqualTo("call.ended");
        assertThat(receiver.receive(BODY, signed(t, BODY))).isEqualTo(WebhookReceiver.Outcome.ACCEPTED);
    }

    @Test
    void whileASecretIsRotatedADeliverySignedUnderEitherIsAccepted() {
        WebhookReceiver rotating = WebhookReceiver.builder()
                .signingSecrets(List.of("whsec-new-one", SECRET))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        long t = NOW.getEpochSecond();
        byte[] second =
                new String(BODY, StandardCharsets.UTF_8).replace("d-1", "d-2").getBytes(StandardCharsets.UTF_8);
        assertThat(rotating.verify(BODY, signed(t, BODY)).deliveryId())
                .as("under the old secret")
                .isEqualTo("d-1");
        String underNew = "t=" + t + ",v1=" + hex(WebhookReceiver.signature("whsec-new-one", t, second));
        assertThat(rotating.verify(second, Map.of("Relatel-Signature", List.of(underNew)))
                        .deliveryId())
                .as("under the new secret")
                .isEqualTo("d-2");
        String underNeither = "t=" + t + ",v1=" + hex(WebhookReceiver.signature("whsec-gone", t, second));
        assertThatThrownBy(() -> rotating.verify(second, Map.of("Relatel-Signature", List.of(underNeither))))
                .isInstanceOf(WebhookVerificationException.class);
        assertThat(rotating.toString()).doesNotContain(SECRET).doesNotContain("whsec-new-one");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookReceiver.builder().signingSecrets(java.util.Arrays.asList("a", null)))
                .withMessage("signingSecrets[1] must not be null or blank");
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

    @Test
    void theTestkitsSignerProducesDeliveriesTheReceiverAccepts() {
        WebhookReceiver live = WebhookReceiver.builder().signingSecret(SECRET).build();
        dk.firmafon.testkit.WebhookSigner signer = dk.firmafon.testkit.WebhookSigner.withSecret(SECRET);
        dk.firmafon.testkit.WebhookSigner.Signed signed =
                signer.sign(dk.firmafon.testkit.WebhookSigner.body("d-9", "call.ended", "{\"call_uuid\":\"u-9\"}"));
        assertThat(signed.header("Relatel-Delivery-Id")).isEqualTo("d-9");
        WebhookDelivery delivery = live.verify(signed.body(), signed.headers());
        assertThat(delivery.deliveryId()).isEqualTo("d-9");
        assertThat(delivery.callUuid()).contains("u-9");
        assertThat(delivery.occurredAt()).isPresent();
        dk.firmafon.testkit.WebhookSigner.Signed stale = signer.withClock(
                        Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .sign(signed.body());
        assertThatThrownBy(() -> live.verify(stale.body(), stale.headers()))
                .isInstanceOfSatisfying(WebhookVerificationException.class, e -> assertThat(e.reason())
                        .isEqualTo(WebhookVerificationException.Reason.TIMESTAMP_OUTSIDE_TOLERANCE));
        assertThat(signer.toString()).doesNotContain(SECRET);
    }
}
