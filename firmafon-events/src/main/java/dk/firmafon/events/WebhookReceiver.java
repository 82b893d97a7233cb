package dk.firmafon.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
 * 2xx when {@link #receive} returns and 400/401 when it throws.
 *
 * <p>Each delivery is verified before anything else: {@code Relatel-Signature: t=<unix seconds>,v1=<hex>} (several
 * {@code v1} values allowed, for a secret being rotated) must hold a {@code v1} equal to
 * {@code HMAC-SHA256(signing secret, t + "." + raw body)} (compared in constant time), and {@code t} must be within
 * the tolerance of now (5 minutes by default), so a captured delivery cannot be replayed later. A verified delivery
 * is then de-duplicated on its {@code delivery_id} (the last {@code 10,000} by default, since Relatel may deliver twice
 * and in any order) and emitted once on {@link #deliveries()}.
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

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // creates the tree deserializer once, here, not under a lock on a handler's (Reactor) thread
        try {
            JSON.readTree("{}");
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final Duration tolerance;
    private final Clock clock;
    private final int remembered;
    private final Map<String, Boolean> seen;
    private final Sinks.Many<WebhookDelivery> sink;

    private WebhookReceiver(Builder builder) {
        this.key = new SecretKeySpec(builder.signingSecret, "HmacSHA256");
        this.tolerance = builder.tolerance;
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
     * @throws WebhookVerificationException naming what failed; nothing was emitted
     */
    public Outcome receive(byte[] rawBody, Map<String, List<String>> headers) {
        if (rawBody == null || headers == null) {
            throw new IllegalArgumentException((rawBody == null ? "rawBody" : "headers") + " must not be null");
        }
        String header = header(headers, SIGNATURE_HEADER);
        if (header == null) {
            throw new WebhookVerificationException("the delivery has no " + SIGNATURE_HEADER + " header");
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
                    throw new WebhookVerificationException(
                            SIGNATURE_HEADER + " has a timestamp t that is not a number of seconds");
                }
            } else if (name.equals("v1")) {
                try {
                    signatures.add(HEX.parseHex(value.toLowerCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new WebhookVerificationException(SIGNATURE_HEADER + " has a v1 signature that is not hex");
                }
            }
        }
        if (timestamp < 0) {
            throw new WebhookVerificationException(SIGNATURE_HEADER + " has no timestamp t=");
        }
        if (signatures.isEmpty()) {
            throw new WebhookVerificationException(SIGNATURE_HEADER + " has no v1= signature");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (skew > tolerance.getSeconds()) {
            throw new WebhookVerificationException("the delivery's timestamp is " + skew
                    + " s away from now, beyond the tolerance of " + tolerance.getSeconds()
                    + " s (a replay, or a clock that is off)");
        }
        byte[] expected = sign(timestamp, rawBody);
        boolean matches = false;
        for (byte[] signature : signatures) {
            matches |= MessageDigest.isEqual(expected, signature); // constant time; every one compared
        }
        if (!matches) {
            throw new WebhookVerificationException("no v1 signature of the delivery matches its body");
        }
        WebhookDelivery delivery = envelope(rawBody, header(headers, "Relatel-Delivery-Id"));
        synchronized (seen) {
            if (seen.putIfAbsent(delivery.deliveryId(), Boolean.TRUE) != null) {
                return Outcome.DUPLICATE;
            }
        }
        Sinks.EmitResult result = sink.tryEmitNext(delivery);
        if (result.isFailure()) {
            synchronized (seen) {
                seen.remove(delivery.deliveryId()); // not delivered: let the sender's retry through
            }
            throw new IllegalStateException("the delivery could not be queued (" + result
                    + "): the buffer is full (no subscriber of deliveries(), or too slow ones); answer 503 so the"
                    + " sender retries");
        }
        return Outcome.ACCEPTED;
    }

    /**
     * Every accepted delivery, once, in the order received. Deliveries wait in a buffer (the builder's
     * {@code buffer}) for the first subscriber and for slow ones; when it is full {@link #receive} fails, so the
     * sender retries later instead of the delivery being lost.
     */
    public Flux<WebhookDelivery> deliveries() {
        return sink.asFlux();
    }

    /** The HMAC of {@code t + "." + body}: what a {@code v1} must equal. For tests that sign deliveries. */
    public byte[] sign(long timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static WebhookDelivery envelope(byte[] rawBody, @Nullable String headerId) {
        JsonNode json;
        try {
            json = JSON.readTree(rawBody);
        } catch (java.io.IOException e) {
            throw new WebhookVerificationException("the delivery's body is not JSON"); // never quotes the body
        }
        if (json == null || !json.isObject()) {
            throw new WebhookVerificationException("the delivery's body is not a JSON object");
        }
        String id = json.path("delivery_id").isValueNode()
                        && !json.path("delivery_id").isNull()
                ? json.path("delivery_id").asText()
                : headerId;
        if (id == null || id.isBlank()) {
            throw new WebhookVerificationException("the delivery has no delivery_id");
        }
        String type =
                json.path("event_type").isTextual() ? json.get("event_type").asText() : "";
        Optional<OffsetDateTime> occurredAt = Optional.empty();
        if (json.path("occurred_at").isTextual()) {
            try {
                occurredAt =
                        Optional.of(OffsetDateTime.parse(json.get("occurred_at").asText()));
            } catch (DateTimeParseException unreadable) {
                occurredAt = Optional.empty(); // kept in the payload's envelope only
            }
        }
        JsonNode payload = json.has("payload") ? json.get("payload") : NullNode.getInstance();
        return new WebhookDelivery(id, type, occurredAt, payload);
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
        return "WebhookReceiver{signingSecret=[REDACTED], tolerance=" + tolerance + ", remembered=" + remembered + "}";
    }

    /** Configures a {@link WebhookReceiver}. */
    public static final class Builder {
        private byte @Nullable [] signingSecret;
        private Duration tolerance = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private int remembered = 10_000;
        private int buffer = 1_024;

        private Builder() {}

        /** The webhook's signing secret, as the administration shows it. Required; never printed. */
        public Builder signingSecret(String signingSecret) {
            if (signingSecret == null || signingSecret.isBlank()) {
                throw new IllegalArgumentException("signingSecret must not be null or blank");
            }
            this.signingSecret = signingSecret.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** How far a delivery's {@code t} may be from now; default 5 minutes. */
        public Builder tolerance(Duration tolerance) {
            if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
                throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
            }
            this.tolerance = tolerance;
            return this;
        }

        /** The clock {@code t} is compared with; for tests. */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = clock;
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
            if (signingSecret == null) {
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
