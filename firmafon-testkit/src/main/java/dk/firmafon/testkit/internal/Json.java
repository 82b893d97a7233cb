package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/** JSON helpers shared by the handlers: one mapper, envelopes and the service's timestamp format. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static ArrayNode array(Collection<? extends JsonNode> items) {
        ArrayNode array = array();
        items.forEach(item -> array.add(item.deepCopy()));
        return array;
    }

    /** {@code {"key": value}}, the envelope every response of the API uses. */
    public static ObjectNode envelope(String key, JsonNode value) {
        ObjectNode envelope = object();
        envelope.set(key, value.deepCopy());
        return envelope;
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's timestamp form: ISO-8601 with seconds, {@code Z} for UTC, otherwise the offset. */
    public static String timestamp(Instant instant, ZoneOffset offset) {
        return OffsetDateTime.ofInstant(instant, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public static String timestamp(Instant instant) {
        return timestamp(instant, ZoneOffset.UTC);
    }

    /** Reads a timestamp field written by {@link #timestamp}; {@code null} when absent or JSON null. */
    public static @org.jspecify.annotations.Nullable Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull()
                ? null
                : OffsetDateTime.parse(value.asText()).toInstant();
    }
}
