package dk.firmafon.core.support;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.core.model.Endpoint;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The SDK's one lenient reading of loosely typed JSON (live events, webhooks, fields the service sends in more than
 * one form): numbers and booleans also as strings ({@code "company_id": "42"}, {@code "from_number_hidden": "false"}),
 * {@code null} or an empty string for absent, times as seconds or milliseconds since the epoch or as ISO-8601 text
 * (also without seconds, {@code 2016-09-27T00:00.000Z}). Nothing here throws: what cannot be read is absent, and the
 * caller keeps the raw value.
 */
public final class Lenient {
    /** 9999-12-31T23:59:59.999Z in milliseconds: the latest time read. */
    private static final long LATEST_MILLIS = 253_402_300_799_999L;
    /** Above this a number is read as milliseconds, below as seconds. */
    private static final long MILLIS_FROM = 100_000_000_000L;
    /** {@code HH:mm.fraction} (seconds left out) inside a timestamp. */
    private static final Pattern NO_SECONDS = Pattern.compile("(T\\d{2}:\\d{2})(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})$");

    private Lenient() {}

    /** {@code node.field} as text: a string, number or boolean as written; empty when absent, null or empty. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty()
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    /** {@code node.field} as a whole number: a JSON integer or a string of one. */
    public static OptionalLong number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return OptionalLong.of(value.asLong());
        }
        if (value.isTextual()) {
            try {
                return OptionalLong.of(Long.parseLong(value.asText().strip()));
            } catch (NumberFormatException notANumber) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** {@code node.field} as a boolean; see {@link #bool(JsonNode)}. */
    public static Optional<Boolean> bool(JsonNode node, String field) {
        return bool(node.path(field));
    }

    /**
     * {@code value} as a boolean: {@code true}/{@code false}, a whole number (0 is false, any other true), or the
     * strings {@code true}, {@code false} (any case), {@code 1}, {@code 0}; anything else (a fraction included) is
     * empty, never a guess.
     */
    public static Optional<Boolean> bool(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.asBoolean());
        }
        if (value.isIntegralNumber()) {
            return Optional.of(value.bigIntegerValue().signum() != 0);
        }
        if (value.isTextual()) {
            String text = value.asText().strip();
            if (text.equalsIgnoreCase("true") || text.equals("1")) {
                return Optional.of(Boolean.TRUE);
            }
            if (text.equalsIgnoreCase("false") || text.equals("0")) {
                return Optional.of(Boolean.FALSE);
            }
        }
        return Optional.empty();
    }

    /** {@code node.field} as an {@code Endpoint} ({@code Type#id}); empty when absent or not one. */
    public static Optional<Endpoint> endpoint(JsonNode node, String field) {
        return parsed(node, field, Endpoint::parse);
    }

    /**
     * {@code node.field} read as text and turned into a value by {@code parse} (an open value's {@code of}, a
     * parser); empty when absent or when {@code parse} refuses it with an {@link IllegalArgumentException}.
     */
    public static <T> Optional<T> parsed(JsonNode node, String field, Function<String, T> parse) {
        return text(node, field).flatMap(text -> {
            try {
                return Optional.ofNullable(parse.apply(text));
            } catch (IllegalArgumentException unreadable) {
                return Optional.empty();
            }
        });
    }

    /** {@code node.field} as a time; see {@link #time(JsonNode)}. */
    public static Optional<OffsetDateTime> time(JsonNode node, String field) {
        return time(node.path(field));
    }

    /**
     * {@code value} as a time: seconds or milliseconds since the epoch, or ISO-8601 text (also without seconds), in
     * the years 1970 to 9999. Anything else, a hostile value included, is empty.
     */
    public static Optional<OffsetDateTime> time(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                return Optional.empty();
            }
            long number = value.asLong();
            if (number < 0 || number > LATEST_MILLIS) {
                return Optional.empty();
            }
            Instant instant = number > MILLIS_FROM ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
            return Optional.of(instant.atOffset(ZoneOffset.UTC));
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            return Optional.empty();
        }
        String raw = value.asText().strip();
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(raw);
        } catch (DateTimeException e) {
            try {
                parsed = OffsetDateTime.parse(NO_SECONDS.matcher(raw).replaceFirst("$1:00$2$3"));
            } catch (DateTimeException unreadable) {
                return Optional.empty();
            }
        }
        // the same years a number may stand for
        return parsed.getYear() >= 1970 && parsed.getYear() <= 9999 ? Optional.of(parsed) : Optional.empty();
    }
}
