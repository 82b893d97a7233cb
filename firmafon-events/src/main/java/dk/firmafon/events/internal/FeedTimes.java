package dk.firmafon.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reading of a time the feed sends: seconds or milliseconds since the epoch, or ISO-8601 text (also without
 * seconds, {@code 2016-09-27T00:00.000Z}, as presence events carry it), in the years 1970 to 9999. Anything else, a
 * hostile value included, is no time; nothing here throws.
 */
public final class FeedTimes {
    /** 9999-12-31T23:59:59.999Z in milliseconds: the latest time read. */
    private static final long LATEST_MILLIS = 253_402_300_799_999L;
    /** Above this a number is read as milliseconds, below as seconds. */
    private static final long MILLIS_FROM = 100_000_000_000L;
    /** {@code HH:mm.fraction} (seconds left out) inside a timestamp. */
    private static final Pattern NO_SECONDS = Pattern.compile("(T\\d{2}:\\d{2})(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})$");

    private FeedTimes() {}

    /** {@code value} as a time, or empty. */
    public static Optional<OffsetDateTime> read(JsonNode value) {
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
