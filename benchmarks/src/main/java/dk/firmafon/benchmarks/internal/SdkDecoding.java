package dk.firmafon.benchmarks.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dk.firmafon.calls.model.Call;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The SDK's decode path for {@code {"calls": [...]}} outside the transport, step for step as firmafon-core's
 * {@code JsonReaders.envelopeList} does it (a streaming parser positioned at the envelope key, then a prebuilt list
 * reader), with the SDK's own mapper.
 */
final class SdkDecoding {
    private final ObjectMapper mapper;
    private final ObjectReader listReader;

    SdkDecoding(ObjectMapper mapper) {
        this.mapper = mapper;
        this.listReader = mapper.readerFor(mapper.getTypeFactory().constructCollectionType(List.class, Call.class));
    }

    static ObjectMapper sdkMapper() {
        return Envelopes.mapper();
    }

    List<Call> calls(InputStream in) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean match = "calls".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (match) {
                    List<Call> calls = value == JsonToken.VALUE_NULL ? null : listReader.readValue(parser);
                    return calls == null ? List.of() : calls;
                }
                parser.skipChildren();
            }
            throw new IOException("no \"calls\" field");
        }
    }
}
