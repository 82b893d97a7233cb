package dk.firmafon.employees;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The shared example payloads (copied from the API page's fixtures) and a mapper configured as the client's. */
public final class Fixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Fixtures() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The fixture's text, e.g. {@code text("employee.json")}. */
    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture parsed as a tree. */
    public static JsonNode json(String name) {
        try {
            return MAPPER.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code node} as {@code type}, then writes it and reads it back, asserting nothing was lost. */
    public static <T> T roundTrip(JsonNode node, Class<T> type) {
        try {
            T value = MAPPER.treeToValue(node, type);
            JsonNode written = MAPPER.valueToTree(value);
            assertThat(MAPPER.treeToValue(written, type)).isEqualTo(value);
            List<String> writtenNames = new ArrayList<>();
            written.fieldNames().forEachRemaining(writtenNames::add);
            List<String> payloadNames = new ArrayList<>();
            node.fieldNames().forEachRemaining(payloadNames::add);
            assertThat(writtenNames).as("every field of the payload is written back").containsAll(payloadNames);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
