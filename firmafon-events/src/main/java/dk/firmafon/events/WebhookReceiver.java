package dk.firmafon.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dk.firmafon.events.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Receives Relatel webhook deliveries, framework-neutral: hand it the raw body bytes and the request headers, answer
 * 2xx when {@link #receive} returns and {@link WebhookVerificationException#status()} (401 or 400) when it throws.
 * {@link #verify} alone is the one-call check (Stripe's {@code constructEvent}): the verified delivery, or the
 * exception.
 *
 * <p>Each delivery is verified before anything else: {@code Relatel-Signature: t=<unix seconds>,v1=<hex>} (several
 * {@code v1} values allowed) must hold a {@code v1} equal to {@code HMAC-SHA256(signing secret, t + "." + raw body)}
 * under one of the signing secrets (more than one while a secret is rotated; compared in constant time), and
 * {@code t} must be within the tolerance of now (5 minutes by default, configurable: a redelivery that Relatel does not
 * sign afresh arrives with its first {@code t}), so a captured delivery cannot be replayed later. Its body must be one
 * JSON object with nothing after it. A verified delivery is then de-duplicated (the last {@code 10,000} by default,
 * since Relatel may deliver twice and in any order) and emitted once on {@link #deliveries()}: on the body's
 * {@code delivery_id}, or, for a body without one (the known sender code allows that), on a hash of the body. Never on
 * the {@code Relatel-Delivery-Id} header, which the signature does not cover: a replay with that header changed is
 * still the same delivery.
 *
 * <p>Evidence: the scheme comes from an integration project's field report, not from an official page (see
 * docs/live-events.md); the SDK verifies it strictly and keeps the payload opaque. The signing secret never appears in a message,
 * log line or {@code toString()}.
 *
 * <pre>{@code
 * WebhookReceiver receiver = WebhookReceiver.builder().signingSecret(secret).build();
 * // in any HTTP handler:
 * receiver.receive(bodyBytes, headers);          // throws WebhookVerificationException: answer 401
 * receiver.deliveries().subscribe(delivery -> ...);
 * }</pre>
 */
public final class WebhookReceiver {
    /** The signature header. */
    public static final String SIGNATURE_HEADER = "Relatel-Signature";

    /** The delivery id header: informative only, since the signature does not cover it. */
    public static final String DELIVERY_ID_HEADER = "Relatel-Delivery-Id";

    /** Anything after the JSON object refused, as on the REST side. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        // creates the tree deserializer once, here, not under a lock on a handler's (Reactor) thread
        try {
            JSON.readTree("{}");
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    /** The signing secrets, the first one used by {@link #sign}. */
    private final List<SecretKeySpec> keys;

    private final Duration tolerance;
    private final boolean requireDeliveryId;
    private final Clock clock;
    private final int remembered;
    private final Map<String, Boolean> seen;
    private final Sinks.Many<WebhookDelivery> sink;

    private WebhookReceiver(Builder builder) {
        List<SecretKeySpec> keys = new ArrayList<>(builder.signingSecrets.size());
        for (byte[] secret : builder.signingSecrets) {
            keys.add(new SecretKeySpec(secret, "HmacSHA256"));
        }
        this.keys = List.copyOf(keys);
        this.tolerance = builder.tolerance;
        this.requireDeliveryId = builder.requireDeliveryId;
        this.clock = builder.clock;
        this.remembered = builder.remembered;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > WebhookReceiver.this.remembered;
            }
        };
        this.sink = Sinks.many().multicast().onBackpressureBuffer(builder.buffer, false);
    }

    /** A builder; {@link Builder#signingSecret(String)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** What {@link #receive} made of a delivery. */
    public enum Outcome {
        /** Verified and new: emitted on {@link #deliveries()}. */
        ACCEPTED,
        /** Verified, but its {@code delivery_id} was seen before: not emitted again (answer 2xx all the same). */
        DUPLICATE
    }

    /**
     * Verifies, de-duplicates and emits one delivery.
     *
     * @param rawBody the request body exactly as received (the signature covers these bytes)
     * @param headers the request headers (names in any case)
     * @throws WebhookVerificationException naming what failed, with the status to answer; nothing was emitted
     * @throws IllegalStateException when the deliveries' buffer is full: answer 503, the sender retries
     */
    public Outcome receive(byte[] rawBody, Map<String, List<String>> headers) {
        Verified verified = verified(rawBody, headers);
        String key = verified.deduplicationKey();
        synchronized (seen) {
            if (seen.putIfAbsent(key, Boolean.TRUE) != null) {
                return Outcome.DUPLICATE;
            }
        }
        Sinks.EmitResult result = sink.tryEmitNext(verified.delivery());
        if (result.isFailure()) {
            synchronized (seen) {
                seen.remove(key); // not delivered: let the sender's retry through
            }
            throw new IllegalStateException("the delivery could not be queued (" + result
                    + "): the buffer is full (no subscriber of deliveries(), or too slow ones); answer 503 so the"
                    + " sender retries");
        }
        return Outcome.ACCEPTED;
    }

    /**
     * Verifies one delivery and returns it, in one call, without de-duplicating or emitting it: for a handler that
     * processes the delivery itself (and de-duplicates on {@link WebhookDelivery#deliveryId()} where it stores it).
     *
     * @param rawBody the request body exactly as received (the signature covers these bytes)
     * @param headers the request headers (names in any case)
     * @throws WebhookVerificationException naming what failed; {@link WebhookVerificationException#status()} is 401
     *     for a signature that is missing, malformed, stale or wrong, 400 for a body that is not the JSON envelope
     */
    public WebhookDelivery verify(byte[] rawBody, Map<String, List<String>> headers) {
        return verified(rawBody, headers).delivery();
    }

    /** A verified delivery and what it is de-duplicated on (signed data only). */
    private record Verified(WebhookDelivery delivery, String deduplicationKey) {}

    private Verified verified(byte[] rawBody, Map<String, List<String>> headers) {
        if (rawBody == null || headers == null) {
            throw new IllegalArgumentException((rawBody == null ? "rawBody" : "headers") + " must not be null");
        }
        String header = header(headers, SIGNATURE_HEADER);
        if (header == null) {
            throw refused(Reason.SIGNATURE_MISSING, "the delivery has no " + SIGNATURE_HEADER + " header");
        }
        long timestamp = -1;
        List<byte[]> signatures = new ArrayList<>(2);
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 1) {
                continue;
            }
            String name = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            if (name.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw refused(
                            Reason.SIGNATURE_MALFORMED,
                            SIGNATURE_HEADER + " has a timestamp t that is not a number of seconds");
                }
            } else if (name.equals("v1")) {
                try {
                    signatures.add(HEX.parseHex(value.toLowerCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw refused(Reason.SIGNATURE_MALFORMED, SIGNATURE_HEADER + " has a v1 signature that is not hex");
                }
            }
        }
        if (timestamp < 0) {
            throw refused(Reason.SIGNATURE_MISSING, SIGNATURE_HEADER + " has no timestamp t=");
        }
        if (signatures.isEmpty()) {
            throw refused(Reason.SIGNATURE_MISSING, SIGNATURE_HEADER + " has no v1= signature");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (skew > tolerance.getSeconds()) {
            throw refused(
                    Reason.TIMESTAMP_OUTSIDE_TOLERANCE,
                    "the delivery's timestamp is " + skew + " s away from now, beyond the tolerance of "
                            + tolerance.getSeconds() + " s (a replay, or a clock that is off)");
        }
        boolean matches = false;
        for (SecretKeySpec key : keys) {
            byte[] expected = hmac(key, timestamp, rawBody);
            for (byte[] signature : signatures) {
                matches |= MessageDigest.isEqual(expected, signature); // constant time; every one compared
            }
        }
        if (!matches) {
            throw refused(Reason.SIGNATURE_MISMATCH, "no v1 signature of the delivery matches its body");
        }
        return envelope(rawBody, header(headers, DELIVERY_ID_HEADER), requireDeliveryId);
    }

    private static WebhookVerificationException refused(Reason reason, String message) {
        return new WebhookVerificationException(reason, message);
    }

    /**
     * Every accepted delivery, once, in the order received. Deliveries wait in a buffer (the builder's
     * {@code buffer}) for the first subscriber and for slow ones; when it is full {@link #receive} fails, so the
     * sender retries later instead of the delivery being lost.
     */
    public Flux<WebhookDelivery> deliveries() {
        return sink.asFlux();
    }

    /**
     * The HMAC of {@code t + "." + body} under the first signing secret: what a {@code v1} must equal. For tests that
     * sign deliveries (the testkit's {@code WebhookSigner} builds whole signed deliveries).
     */
    public byte[] sign(long timestamp, byte[] rawBody) {
        return hmac(keys.get(0), timestamp, rawBody);
    }

    /** {@code HMAC-SHA256(secret, t + "." + body)}: what a {@code v1} signature of a Relatel delivery is. */
    public static byte[] signature(String signingSecret, long timestamp, byte[] rawBody) {
        if (signingSecret == null || signingSecret.isBlank() || rawBody == null) {
            throw new IllegalArgumentException((rawBody == null ? "rawBody" : "signingSecret") + " must not be null"
                    + (rawBody == null ? "" : " or blank"));
        }
        return hmac(
                new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), timestamp, rawBody);
    }

    private static byte[] hmac(SecretKeySpec key, long timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Verified envelope(byte[] rawBody, @Nullable String headerId, boolean requireDeliveryId) {
        JsonNode json;
        try {
            json = JSON.readTree(rawBody);
        } catch (java.io.IOException e) {
            // never quotes the body
            throw refused(Reason.MALFORMED_BODY, "the delivery's body is not one JSON document (or has data after it)");
        }
        if (json == null || !json.isObject()) {
            throw refused(Reason.MALFORMED_BODY, "the delivery's body is not a JSON object");
        }
        JsonNode bodyId = json.path("delivery_id");
        boolean signedId =
                bodyId.isValueNode() && !bodyId.isNull() && !bodyId.asText().isBlank();
        if (!signedId && requireDeliveryId) {
            throw refused(
                    Reason.MALFORMED_BODY,
                    "the delivery's body has no delivery_id, which this receiver requires (requireDeliveryId)");
        }
        // de-duplicated on signed data only: the body's id, else the body itself (a redelivery carries the same body)
        String key = signedId ? "id:" + bodyId.asText() : "body:" + sha256(rawBody);
        String id = signedId ? bodyId.asText() : headerId != null && !headerId.isBlank() ? headerId : key;
        String type =
                json.path("event_type").isTextual() ? json.get("event_type").asText() : "";
        // the SDK's one reading of a time; an unreadable one is absent
        Optional<OffsetDateTime> occurredAt = dk.firmafon.core.support.Lenient.time(json, "occurred_at");
        JsonNode payload = json.has("payload") ? json.get("payload") : NullNode.getInstance();
        return new Verified(new WebhookDelivery(id, type, occurredAt, payload), key);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static @Nullable String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null
                    && entry.getKey().equalsIgnoreCase(name)
                    && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "WebhookReceiver{signingSecrets=[REDACTED] x" + keys.size() + ", tolerance=" + tolerance
                + ", remembered=" + remembered + "}";
    }

    /** Configures a {@link WebhookReceiver}. */
    public static final class Builder {
        private List<byte[]> signingSecrets = List.of();
        private Duration tolerance = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private int remembered = 10_000;
        private int buffer = 1_024;
        private boolean requireDeliveryId;

        private Builder() {}

        /**
         * Whether a delivery whose body has no {@code delivery_id} is refused (400, {@code MALFORMED_BODY}). Off by
         * default, because the only known sender-side code allows a body without one; such a delivery is then
         * de-duplicated on a hash of its (signed) body, so a replay of it is still caught. Turn it on when your
         * deliveries always carry one and a body without it can only be a forgery or a bug.
         */
        public Builder requireDeliveryId(boolean require) {
            this.requireDeliveryId = require;
            return this;
        }

        /** The webhook's signing secret, as the administration shows it. Required (or {@link #signingSecrets}). */
        public Builder signingSecret(String signingSecret) {
            return signingSecrets(java.util.Arrays.asList(signingSecret));
        }

        /**
         * Several signing secrets at once, while one is rotated: a delivery signed under any of them is accepted; the
         * first is the one {@link WebhookReceiver#sign} uses. Never printed.
         */
        public Builder signingSecrets(List<String> signingSecrets) {
            if (signingSecrets == null || signingSecrets.isEmpty()) {
                throw new IllegalArgumentException("signingSecrets must name at least one secret");
            }
            List<byte[]> secrets = new ArrayList<>(signingSecrets.size());
            for (int i = 0; i < signingSecrets.size(); i++) {
                String secret = signingSecrets.get(i);
                if (secret == null || secret.isBlank()) {
                    throw new IllegalArgumentException(
                            signingSecrets.size() == 1
                                    ? "signingSecret must not be null or blank"
                                    : "signingSecrets[" + i + "] must not be null or blank");
                }
                secrets.add(secret.getBytes(StandardCharsets.UTF_8));
            }
            this.signingSecrets = List.copyOf(secrets);
            return this;
        }

        /**
         * How far a delivery's signed {@code t} may be from now; default 5 minutes. It bounds how long a captured
         * delivery can be replayed (within it, de-duplication stops a replay). A sender that redelivers without
         * signing afresh needs it as long as its retries last: raise it then, and {@code remembered} with it.
         */
        public Builder tolerance(Duration tolerance) {
            this.tolerance = dk.firmafon.foundation.internal.Checks.positive("tolerance", tolerance);
            return this;
        }

        /** The clock {@code t} is compared with; for tests. */
        public Builder clock(Clock clock) {
            this.clock = dk.firmafon.foundation.internal.Checks.notNull("clock", clock);
            return this;
        }

        /** How many delivery ids are remembered for de-duplication; default 10,000. */
        public Builder remembered(int deliveries) {
            if (deliveries < 1) {
                throw new IllegalArgumentException("remembered must be at least 1, was " + deliveries);
            }
            this.remembered = deliveries;
            return this;
        }

        /** How many accepted deliveries wait for slow subscribers; default 1,024. */
        public Builder buffer(int deliveries) {
            if (deliveries < 1) {
                throw new IllegalArgumentException("buffer must be at least 1, was " + deliveries);
            }
            this.buffer = deliveries;
            return this;
        }

        /** The receiver. @throws IllegalArgumentException when no signing secret was set */
        public WebhookReceiver build() {
            if (signingSecrets.isEmpty()) {
                throw new IllegalArgumentException("signingSecret must be set");
            }
            return new WebhookReceiver(this);
        }

        @Override
        public String toString() {
            return "WebhookReceiver.Builder{signingSecret=[REDACTED]}";
        }
    }
}
