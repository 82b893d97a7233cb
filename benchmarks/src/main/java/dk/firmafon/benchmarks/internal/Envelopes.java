package dk.firmafon.benchmarks.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.firmafon.calls.model.Call;
import java.util.List;

/** The response envelopes a hand-written client declares, and the mapper it configures. */
public final class Envelopes {
    private Envelopes() {
    }

    /** {@code {"call": {...}}}. */
    public record CallEnvelope(Call call) {
    }

    /** {@code {"calls": [...]}}. */
    public record CallsEnvelope(List<Call> calls) {
    }

    /** Configured as the SDK documents its own mapper: snake_case, java.time, Optional, unknown fields ignored. */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
