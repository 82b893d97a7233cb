package dk.firmafon.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads live-event fields leniently, as the feed sends them: numbers and booleans as strings
 * ({@code "company_id": "42"}, {@code "from_number_hidden": "false"}), {@code null} for absent, timestamps without
 * seconds ({@code 2016-09-27T00:00.000Z}). Nothing here throws.
 */
final class Lenient {
    private Lenient() {}

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty()
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    static OptionalLong number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isIntegralNumber()) {
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

    static Optional<Boolean> bool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isBoolean()) {
            return Optional.of(value.asBoolean());
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
        if (value.isIntegralNumber()) {
            return Optional.of(value.asLong() != 0);
        }
        return Optional.empty();
    }

    static Optional<OffsetDateTime> time(JsonNode node, String field) {
        return dk.firmafon.events.internal.FeedTimes.read(node.path(field));
    }
}
