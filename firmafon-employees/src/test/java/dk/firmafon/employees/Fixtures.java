package dk.firmafon.employees;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.core.FirmafonClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The shared example payloads (copied from the API page's fixtures) and the client's mapper. */
public final class Fixtures {
    private static final ObjectMapper MAPPER = FirmafonClient.newObjectMapper();

    private Fixtures() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The fixture's text, e.g. {@code text("employee.json")}. */
    public static String text(String name) {
        return dk.firmafon.testsupport.Fixtures.text(name);
    }

    /** The fixture parsed as a tree. */
    public static JsonNode json(String name) {
        try {
            return MAPPER.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code node} as {@code type}, then writes it and reads it back, asserting nothing was lost (the mapper
     * leaves absent values out, so fields the payload sent as null are not written back).
     */
    public static <T> T roundTrip(JsonNode node, Class<T> type) {
        try {
            T value = MAPPER.treeToValue(node, type);
            JsonNode written = MAPPER.valueToTree(value);
            assertThat(MAPPER.treeToValue(written, type)).isEqualTo(value);
            List<String> writtenNames = new ArrayList<>();
            written.fieldNames().forEachRemaining(writtenNames::add);
            List<String> payloadNames = new ArrayList<>();
            node.properties().stream()
                    .filter(field -> !field.getValue().isNull())
                    .forEach(field -> payloadNames.add(field.getKey()));
            assertThat(writtenNames)
                    .as("every non-null field of the payload is written back")
                    .containsAll(payloadNames);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
