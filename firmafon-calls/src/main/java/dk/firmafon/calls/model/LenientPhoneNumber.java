package dk.firmafon.calls.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.TextNode;
import dk.firmafon.core.model.PhoneNumber;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a number the API sent without ever failing: a string is kept as sent (as {@link PhoneNumber}'s own JSON
 * creator does), a JSON number is taken as its digits, and anything else (an object, an array) reads as absent.
 * Used with {@code @JsonDeserialize(contentUsing = LenientPhoneNumber.class)} on {@code Optional<PhoneNumber>}.
 */
final class LenientPhoneNumber extends StdDeserializer<PhoneNumber> {
    private static final long serialVersionUID = 1L;

    LenientPhoneNumber() {
        super(PhoneNumber.class);
    }

    @Override
    public @Nullable PhoneNumber deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.currentToken().isScalarValue()) {
            parser.skipChildren();
            return null;
        }
        return context.readTreeAsValue(TextNode.valueOf(parser.getValueAsString()), PhoneNumber.class);
    }
}
