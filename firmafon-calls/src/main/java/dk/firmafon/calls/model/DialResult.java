package dk.firmafon.calls.model;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.core.model.FirmafonModel;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@code POST /switch/dial} answered. The API documents no response shape, so the body is kept as the JSON
 * the service sent; {@link #body()} is empty when the service answered with no body (which is a success).
 */
@Value.Immutable
@FirmafonModel
public abstract class DialResult {
    DialResult() {}

    /** The response body, absent when it was empty or JSON {@code null}. */
    @Value.Parameter
    public abstract Optional<JsonNode> body();

    /** A result for the given body ({@code null}: an empty body). */
    public static DialResult of(@org.jspecify.annotations.Nullable JsonNode body) {
        return ImmutableDialResult.of(
                Optional.ofNullable(body).filter(node -> !node.isNull() && !node.isMissingNode()));
    }
}
