package dk.firmafon.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dk.firmafon.error.FirmafonApiException;
import dk.firmafon.error.FirmafonDecodingException;
import dk.firmafon.error.ForbiddenException;
import dk.firmafon.error.RateLimitedException;
import dk.firmafon.foundation.internal.Redaction;
import dk.firmafon.foundation.internal.RetryAfter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Reading response bodies within a size bound, and turning an error response into the right exception. */
public final class Responses {
    /** Error bodies are read up to this size; a longer one is reported without an excerpt. */
    static final int MAX_ERROR_BODY = 64 * 1024;

    private static final int EXCERPT_CHARS = 200;

    private Responses() {}

    /** Whether {@code status} is a success (2xx). */
    public static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /**
     * The whole body as a stream that releases its buffer on close, or empty for an empty body; fails with a
     * {@link FirmafonDecodingException} naming {@code maxResponseSize} when the body is larger than {@code max}.
     */
    public static Mono<InputStream> aggregate(Attempt call, ResponseBody body, long max) {
        return body.aggregate(max, declared -> tooLarge(call, max, declared));
    }

    private static FirmafonDecodingException tooLarge(Attempt call, long max, long declared) {
        return new FirmafonDecodingException(
                call.describe() + ": the response body"
                        + (declared >= 0 ? " (" + declared + " bytes)" : "") + " exceeds the maximum of " + max
                        + " bytes (maxResponseSize)",
                null);
    }

    /** Reads an error response's body (bounded) and fails with the exception for its status. */
    public static <R> Mono<R> error(Attempt call, ResponseHead head, ResponseBody body, JsonFactory json, Clock clock) {
        return aggregate(call, body, MAX_ERROR_BODY)
                .map(Responses::readAll)
                .onErrorResume(FirmafonDecodingException.class, tooLong -> Mono.just(TOO_LONG))
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> Mono.error(exception(call, head, bytes, json, clock)));
    }

    /** Stands for an error body over {@link #MAX_ERROR_BODY}, which is not read (compared by identity). */
    private static final byte[] TOO_LONG = new byte[0];

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static FirmafonApiException exception(Attempt call, ResponseHead head, byte[] body, JsonFactory json, Clock clock) {
        // the credential this attempt sent is masked wherever a server could echo it, in any encoding
        List<String> secrets = call.credential() == null
                ? List.of()
                : Redaction.secretValues(call.credential().value());
        Map<String, List<String>> headers = new TreeMap<>();
        for (Map.Entry<String, String> header : head.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, n -> new ArrayList<>(1))
                    .add(Redaction.maskValues(Redaction.headerValue(name, header.getValue()), secrets));
        }
        String[] fields = new String[4];
        String excerpt = null;
        if (body == TOO_LONG) {
            excerpt = "(the body exceeds the limit of " + MAX_ERROR_BODY + " bytes for an error body and was not read)";
        } else if (body.length > 0 && !readServiceFields(body, json, fields)) {
            excerpt = Redaction.excerpt(
                    Redaction.maskValues(new String(body, StandardCharsets.UTF_8), secrets), EXCERPT_CHARS);
            if (excerpt.isEmpty()) {
                excerpt = null;
            }
        }
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null) {
                fields[i] = Redaction.maskValues(fields[i], secrets);
            }
        }
        int status = head.status();
        FirmafonApiException.Details details = new FirmafonApiException.Details(
                status,
                head.reason(),
                call.method().name(),
                call.redactedUri(),
                headers,
                redacted(fields[0]),
                redacted(fields[1]),
                redacted(fields[2]),
                redacted(fields[3]),
                excerpt,
                call.attempt());
        if (status == 403) {
            return new ForbiddenException(details, Products.requiredFor(call.metricsPath()));
        }
        if (status == 429) {
            String retryAfter = head.header("Retry-After");
            return new RateLimitedException(details, retryAfter == null ? null : RetryAfter.parse(retryAfter, clock));
        }
        return FirmafonApiException.from(details);
    }

    private static @Nullable String redacted(@Nullable String value) {
        return value == null ? null : Redaction.excerpt(value, 500);
    }

    /**
     * Reads the top-level {@code status}, {@code message}, {@code error}, {@code error_description} strings of a
     * JSON object body into {@code fields}.
     *
     * @return whether the body was a JSON object holding at least one of them
     */
    private static boolean readServiceFields(byte[] body, JsonFactory json, String[] fields) {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean found = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                int index =
                        switch (name) {
                            case "status" -> 0;
                            case "message" -> 1;
                            case "error" -> 2;
                            case "error_description" -> 3;
                            default -> -1;
                        };
                if (index >= 0 && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    fields[index] = parser.getText();
                    found = true;
                } else {
                    parser.skipChildren();
                }
            }
            return found;
        } catch (IOException e) {
            return false;
        }
    }
}
