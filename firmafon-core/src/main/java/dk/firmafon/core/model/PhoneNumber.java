package dk.firmafon.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A phone number as the API writes it: the country calling code followed by the number, digits only, no
 * {@code +} or {@code 00} ({@code 4571999999} for the Danish number 71 99 99 99).
 *
 * <p>{@link #of(String)} normalises common human forms ({@code +45 71 99 99 99}, {@code 0045-71999999},
 * {@code (45) 71.99.99.99}) and rejects anything else with a message that says what was wrong.
 *
 * <p>Reading JSON is lenient: a string is kept as the API sent it, a JSON number is taken as its digits, and
 * anything else (an object, an array) reads as absent rather than failing the whole response.
 */
@JsonDeserialize(using = PhoneNumber.JsonReader.class)
public final class PhoneNumber implements Comparable<PhoneNumber> {
    /** E.164 allows at most 15 digits including the country code. */
    public static final int MAX_DIGITS = 15;
    /** The shortest number the SDK accepts (short service numbers, e.g. {@code 112}). */
    public static final int MIN_DIGITS = 3;

    private final String digits;

    private PhoneNumber(String digits) {
        this.digits = digits;
    }

    /**
     * Parses and normalises a phone number.
     *
     * @throws IllegalArgumentException naming {@code phoneNumber} when the text is null, blank, contains letters or
     *     other characters than digits, spaces, {@code + - . ( ) /}, or has too few or too many digits
     */
    public static PhoneNumber of(String text) {
        return of("phoneNumber", text);
    }

    /** As {@link #of(String)}, with {@code argument} naming the argument in error messages. */
    public static PhoneNumber of(String argument, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(argument + " must not be null or blank");
        }
        String trimmed = text.strip();
        StringBuilder digits = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                continue;
            } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/') {
                continue;
            } else {
                // the message never repeats the number: it may reach a log or an error tracker (personal data)
                throw new IllegalArgumentException(argument + " must contain only digits (with the country code, e.g. "
                        + "4571999999), optionally written with +, spaces, dashes, dots or parentheses; found '"
                        + (Character.isLetterOrDigit(c) ? c : '?') + "' at position " + (i + 1));
            }
        }
        String normalised = trimmed.startsWith("00") ? digits.substring(2) : digits.toString();
        if (normalised.length() < MIN_DIGITS || normalised.length() > MAX_DIGITS) {
            throw new IllegalArgumentException(argument + " must have " + MIN_DIGITS + " to " + MAX_DIGITS
                    + " digits including the country code, but has " + normalised.length());
        }
        return new PhoneNumber(normalised);
    }

    /**
     * A number as the service sent it in loosely typed JSON (a live event, a webhook): a string is kept as sent
     * (not checked: the service's numbers are already normalised, and a hidden caller's placeholder must still
     * arrive), a JSON number is taken as its digits; {@code null}, an empty string or anything else is empty.
     */
    public static java.util.Optional<PhoneNumber> read(com.fasterxml.jackson.databind.@Nullable JsonNode value) {
        if (value == null
                || !(value.isTextual() || value.isIntegralNumber())
                || value.asText().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new PhoneNumber(value.asText()));
    }

    /** Reads a number the API sent, as sent (the API's numbers are already normalised). */
    static PhoneNumber fromJson(String digits) {
        return new PhoneNumber(digits);
    }

    /** The digits, country code first: what the API expects. */
    @JsonValue
    public String digits() {
        return digits;
    }

    @Override
    public int compareTo(PhoneNumber other) {
        return digits.compareTo(other.digits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber p && p.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return digits;
    }

    /** The lenient JSON reading described in the class documentation. */
    static final class JsonReader extends StdDeserializer<PhoneNumber> {
        private static final long serialVersionUID = 1L;

        JsonReader() {
            super(PhoneNumber.class);
        }

        @Override
        public @Nullable PhoneNumber deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.currentToken().isScalarValue()) {
                parser.skipChildren();
                return null;
            }
            String text = parser.getValueAsString();
            return text == null || text.isEmpty() ? null : new PhoneNumber(text);
        }
    }
}
