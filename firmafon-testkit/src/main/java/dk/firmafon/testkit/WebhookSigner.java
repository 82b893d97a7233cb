package dk.firmafon.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Signs webhook deliveries as Relatel does, for an application's tests of its webhook endpoint: the body (built here
 * or given) and the headers to send with it, {@code Relatel-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body">} and {@code Relatel-Delivery-Id}. Written independently of the SDK's receiver, so a test that signs here
 * and verifies there checks one against the other.
 *
 * <pre>{@code
 * WebhookSigner signer = WebhookSigner.withSecret("whsec-test");
 * WebhookSigner.Signed delivery = signer.sign(WebhookSigner.body("d-1", "call.ended", "{\"call_uuid\":\"u-1\"}"));
 * webTestClient.post().uri("/webhooks/relatel")
 *         .headers(h -> delivery.headers().forEach(h::addAll))
 *         .bodyValue(delivery.body())
 *         .exchange()
 *         .expectStatus().isOk();
 * }</pre>
 */
public final class WebhookSigner {
    /** The signature header. */
    public static final String SIGNATURE_HEADER = "Relatel-Signature";
    /** The delivery id header (not covered by the signature). */
    public static final String DELIVERY_ID_HEADER = "Relatel-Delivery-Id";

    private final SecretKeySpec key;
    private final Clock clock;

    private WebhookSigner(String secret, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** A signer with {@code signingSecret}, signing at the current time. */
    public static WebhookSigner withSecret(String signingSecret) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("signingSecret must not be null or blank");
        }
        return new WebhookSigner(signingSecret, Clock.systemUTC());
    }

    /** This signer, signing at the times {@code clock} tells (a stale or future delivery). */
    public WebhookSigner withClock(Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        return new WebhookSigner(this, clock);
    }

    private WebhookSigner(WebhookSigner signer, Clock clock) {
        this.key = signer.key;
        this.clock = clock;
    }

    /**
     * A delivery's body as Relatel sends it: {@code {"delivery_id", "event_type", "occurred_at" (now), "payload"}},
     * with {@code payloadJson} put in as it is (it must be JSON).
     */
    public static byte[] body(String deliveryId, String eventType, String payloadJson) {
        if (deliveryId == null || eventType == null || payloadJson == null) {
            throw new IllegalArgumentException("deliveryId, eventType and payloadJson must not be null");
        }
        return ("{\"delivery_id\":\"" + escape(deliveryId) + "\",\"event_type\":\"" + escape(eventType)
                        + "\",\"occurred_at\":\"" + Instant.now() + "\",\"payload\":" + payloadJson + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code body} signed now, with its headers ({@code Relatel-Delivery-Id} from the body when it has one). */
    public Signed sign(byte[] body) {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        long t = clock.instant().getEpochSecond();
        String signature = "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(t, body));
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("\"delivery_id\":\"");
        @Nullable String id = at < 0 ? null : text.substring(at + 15, Math.max(at + 15, text.indexOf('"', at + 15)));
        Map<String, List<String>> headers = id == null || id.isEmpty()
                ? Map.of(SIGNATURE_HEADER, List.of(signature), "Content-Type", List.of("application/json"))
                : Map.of(
                        SIGNATURE_HEADER,
                        List.of(signature),
                        DELIVERY_ID_HEADER,
                        List.of(id),
                        "Content-Type",
                        List.of("application/json"));
        return new Signed(body.clone(), headers);
    }

    private byte[] hmac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "WebhookSigner{signingSecret=[REDACTED]}";
    }

    /**
     * A signed delivery: the body to send and the headers to send with it.
     *
     * @param body the raw body, exactly as signed
     * @param headers {@code Relatel-Signature}, {@code Relatel-Delivery-Id} (when the body has an id) and
     *     {@code Content-Type}
     */
    public record Signed(byte[] body, Map<String, List<String>> headers) {
        /** The one value of header {@code name}, or {@code null}. */
        public @Nullable String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }
}
