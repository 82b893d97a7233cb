package dk.firmafon.calls.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Helpers for the models' free-form JSON fields. */
final class Json {
    private Json() {}

    /**
     * Whether an optional free-form field holds JSON {@code null}. Jackson reads {@code null} into an
     * {@code Optional<JsonNode>} as a present {@code NullNode}; the models normalise that to empty.
     */
    static boolean isNull(Optional<JsonNode> node) {
        return node.isPresent() && (node.get().isNull() || node.get().isMissingNode());
    }
}
