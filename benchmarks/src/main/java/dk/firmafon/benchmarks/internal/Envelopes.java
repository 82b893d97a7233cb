package dk.firmafon.benchmarks.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.calls.model.Call;
import dk.firmafon.core.FirmafonClient;
import java.util.List;

/** The response envelopes a hand-written client declares, and the mapper it configures. */
public final class Envelopes {
    private Envelopes() {}

    /** {@code {"call": {...}}}. */
    public record CallEnvelope(Call call) {}

    /** {@code {"calls": [...]}}. */
    public record CallsEnvelope(List<Call> calls) {}

    /** The SDK's own mapper configuration, so every contender decodes into the same models the same way. */
    public static ObjectMapper mapper() {
        return FirmafonClient.newObjectMapper();
    }
}
