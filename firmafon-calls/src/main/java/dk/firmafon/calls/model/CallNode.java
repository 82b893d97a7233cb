package dk.firmafon.calls.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.FirmafonModel;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One node of a call's tree: a leg, a transfer or a phase of the call. Live nodes are what
 * {@link dk.firmafon.calls.CallsClient#transfer}, {@link dk.firmafon.calls.CallsClient#cancelTransfer} and
 * {@link dk.firmafon.calls.CallsClient#hangup} act on.
 *
 * <p>Timestamps are {@code null} until the node gets there; compare them by instant ({@link #startedAtInstant()}
 * and its siblings, or {@link OffsetDateTime#timeLineOrder()}), not with {@code equals}, since the API mixes
 * {@code Z} and offsets.
 */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableCallNode.class)
public abstract class CallNode {
    CallNode() {}

    /** The node's id: {@code node_uuid}. */
    @JsonProperty("node_uuid")
    public abstract String nodeUuid();

    /** The call this node belongs to. */
    @JsonProperty("call_uuid")
    public abstract Optional<String> callUuid();

    /** The endpoint of this leg; the API sends {@code undefined} for nodes without one. */
    public abstract Optional<Endpoint> endpoint();

    @JsonProperty("started_at")
    public abstract Optional<OffsetDateTime> startedAt();

    @JsonProperty("answered_at")
    public abstract Optional<OffsetDateTime> answeredAt();

    @JsonProperty("ended_at")
    public abstract Optional<OffsetDateTime> endedAt();

    public abstract Optional<NodeState> state();

    @JsonProperty("node_type")
    public abstract Optional<NodeType> nodeType();

    /** {@link #startedAt()} as an {@link Instant}. */
    public final Optional<Instant> startedAtInstant() {
        return startedAt().map(OffsetDateTime::toInstant);
    }

    /** {@link #answeredAt()} as an {@link Instant}. */
    public final Optional<Instant> answeredAtInstant() {
        return answeredAt().map(OffsetDateTime::toInstant);
    }

    /** {@link #endedAt()} as an {@link Instant}. */
    public final Optional<Instant> endedAtInstant() {
        return endedAt().map(OffsetDateTime::toInstant);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CallNode}. */
    public static final class Builder extends ImmutableCallNode.Builder {
        Builder() {}
    }
}
