package dk.firmafon.employees.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.employees.model.MessageResult;
import dk.firmafon.error.FirmafonDecodingException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The one way the SDK sends an SMS ({@code POST .../message} with {@code {"message": {"body": ...}}}): the body is
 * checked first, and the request is never retried, because every send costs money and a retry after a lost
 * answer could send the message twice.
 *
 * <p>Length limit: at most {@value #MAX_SEGMENTS} SMS segments. A long SMS travels as concatenated segments of
 * 153 GSM-7 characters (160 when it fits in one), or of 67 UTF-16 units (70 alone) once the text holds a
 * character outside the GSM-7 alphabet (an emoji, most non-Latin scripts; Danish letters are in GSM-7). Ten
 * segments, i.e. 1,530 GSM-7 characters or 670 Unicode ones, bounds what one send costs per recipient and stays
 * well inside what phones reassemble reliably; the service documents no limit of its own. GSM-7 extension
 * characters ({@code € [ ] { } \ ^ ~ |} and form feed) take two places, as on the air.
 */
public final class Sms {
    /** The most segments one message may take. */
    public static final int MAX_SEGMENTS = 10;

    private static final int GSM7_SINGLE = 160;
    private static final int GSM7_PART = 153;
    private static final int UCS2_SINGLE = 70;
    private static final int UCS2_PART = 67;

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
            + " !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|€";

    private Sms() {}

    /** Sends {@code body} to {@code path} (already checked and encoded), once. */
    public static Mono<MessageResult> send(FirmafonClient client, String path, @Nullable String body) {
        String problem = bodyProblem(body);
        if (problem != null) {
            return Mono.error(new IllegalArgumentException(problem));
        }
        ApiRequest request = ApiRequest.post(path)
                .withBody(Map.of("message", Map.of("body", body)))
                .withIdempotent(false);
        return client.retrieveJson(request)
                .switchIfEmpty(Mono.error(() -> new FirmafonDecodingException(
                        "POST " + path + " answered without a body; the message may have been sent (not retried)",
                        null)))
                .flatMap(json -> Mono.fromCallable(() -> read(client, path, json)));
    }

    private static MessageResult read(FirmafonClient client, String path, JsonNode json) {
        JsonNode result = !json.has("sent") && json.path("message").has("sent") ? json.get("message") : json;
        try {
            return client.objectMapper().treeToValue(result, MessageResult.class);
        } catch (Exception e) {
            throw new FirmafonDecodingException(
                    "POST " + path + " answered " + json.getNodeType()
                            + " without a readable \"sent\" (true, false, 1 or 0); the message may have been sent",
                    e);
        }
    }

    /** Why {@code body} cannot be sent, naming the argument; null when it can. */
    static @Nullable String bodyProblem(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return "body must not be null or blank";
        }
        int segments = segments(body);
        if (segments > MAX_SEGMENTS) {
            return "body is too long: it needs " + segments + " SMS segments, at most " + MAX_SEGMENTS
                    + " are sent (1530 GSM-7 characters, or 670 when the text holds characters outside GSM-7"
                    + " such as emoji); its length is " + body.length();
        }
        return null;
    }

    /** How many SMS segments {@code body} takes. */
    static int segments(String body) {
        int septets = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (GSM7_BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (GSM7_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return parts(body.length(), UCS2_SINGLE, UCS2_PART);
            }
        }
        return parts(septets, GSM7_SINGLE, GSM7_PART);
    }

    private static int parts(int length, int single, int part) {
        return length <= single ? 1 : (length + part - 1) / part;
    }
}
