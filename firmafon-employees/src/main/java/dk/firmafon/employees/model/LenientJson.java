package dk.firmafon.employees.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.core.support.Lenient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Readers for the fields whose shape the API does not pin down. Each accepts every shape seen or documented, and
 * each writes one canonical shape back, so a model round-trips through JSON.
 */
final class LenientJson {
    private LenientJson() {}

    /**
     * {@code sent}: {@code true}/{@code false}, a number (0 is false, any other count true: a public client reads
     * it as a number), or those as strings. Anything else (null included) is a decoding error, never a guess.
     */
    static final class SentFlag extends StdDeserializer<Boolean> {
        private static final long serialVersionUID = 1L;

        SentFlag() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            JsonNode value = p.readValueAsTree();
            return Lenient.bool(value)
                    .orElseThrow(() -> MismatchedInputException.from(
                            p, Boolean.class, "sent must be true, false, 1 or 0, was " + token));
        }

        @Override
        public Boolean getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw MismatchedInputException.from(
                    ctxt.getParser(), Boolean.class, "sent must be true, false, 1 or 0, was null");
        }
    }

    /** {@code phone_number}: {@code {"number": "4570201000"}} (documented) or a bare string; written as the object. */
    static final class NumberObjectReader extends StdDeserializer<Optional<PhoneNumber>> {
        private static final long serialVersionUID = 1L;

        NumberObjectReader() {
            super(Optional.class);
        }

        @Override
        public Optional<PhoneNumber> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            JsonNode number = node.isObject() ? node.path("number") : node;
            if (number.isTextual() || number.isNumber()) {
                // PhoneNumber reads an empty text as absent (null)
                return Optional.ofNullable(
                        ctxt.readTreeAsValue(ctxt.getNodeFactory().textNode(number.asText()), PhoneNumber.class));
            }
            return Optional.empty();
        }

        @Override
        public Optional<PhoneNumber> getNullValue(DeserializationContext ctxt) {
            return Optional.empty();
        }
    }

    /** Writes {@link NumberObjectReader}'s canonical shape. */
    static final class NumberObjectWriter extends StdSerializer<Optional<PhoneNumber>> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings({"unchecked", "rawtypes"})
        NumberObjectWriter() {
            super((Class) Optional.class);
        }

        @Override
        public void serialize(Optional<PhoneNumber> value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            if (value.isEmpty()) {
                gen.writeNull();
                return;
            }
            gen.writeStartObject();
            gen.writeStringField("number", value.get().digits());
            gen.writeEndObject();
        }
    }

    /**
     * {@code cloak_reception}: null, a reception object (possibly holding only {@code id}), or a bare id as number
     * or string. Written as the object.
     */
    static final class CloakReceptionReader extends StdDeserializer<Optional<Reception>> {
        private static final long serialVersionUID = 1L;

        CloakReceptionReader() {
            super(Optional.class);
        }

        @Override
        public Optional<Reception> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            if (node.isObject()) {
                return Optional.of(ctxt.readTreeAsValue(node, Reception.class));
            }
            if (node.canConvertToLong()
                    || (node.isTextual() && node.asText().strip().matches("[0-9]{1,18}"))) {
                return Optional.of(Reception.builder().id(node.asLong()).build());
            }
            if (node.isNull() || node.isMissingNode()) {
                return Optional.empty();
            }
            throw MismatchedInputException.from(
                    p,
                    Reception.class,
                    "cloak_reception must be a reception object or its id, was " + node.getNodeType());
        }

        @Override
        public Optional<Reception> getNullValue(DeserializationContext ctxt) {
            return Optional.empty();
        }
    }

    /**
     * {@code features}: a list of names ({@code ["switch", "sms"]}), a single name, or an object whose keys name
     * features (a key counts unless its value is {@code false}, {@code 0}, {@code "false"} or null). Written as
     * the list.
     */
    static final class FeatureNames extends StdDeserializer<List<EmployeeFeature>> {
        private static final long serialVersionUID = 1L;

        FeatureNames() {
            super(List.class);
        }

        @Override
        public List<EmployeeFeature> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            List<EmployeeFeature> names = new ArrayList<>();
            if (node.isArray()) {
                for (JsonNode element : node) {
                    if (element.isValueNode() && !element.isNull()) {
                        add(names, element.asText());
                    }
                }
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (isOn(field.getValue())) {
                        add(names, field.getKey());
                    }
                }
            } else if (node.isValueNode() && !node.isNull()) {
                add(names, node.asText());
            }
            return names;
        }

        /** A blank name is no feature: skipped, not an error. */
        private static void add(List<EmployeeFeature> names, String name) {
            if (!name.isBlank()) {
                names.add(EmployeeFeature.of(name));
            }
        }

        /** Off when null, {@code false} or 0 (also as text); on for any other value (a name, an object). */
        private static boolean isOn(JsonNode value) {
            return Lenient.bool(value).orElse(!value.isNull() && !value.isMissingNode());
        }

        @Override
        public List<EmployeeFeature> getNullValue(DeserializationContext ctxt) {
            return new ArrayList<>();
        }
    }
}
