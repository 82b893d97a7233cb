package dk.firmafon.calls.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.FirmafonModel;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A call's {@code recording} ({@code {id, duration, expired, accepted, sound}}), seen in newer payloads. The API
 * documents neither the type of {@code id} nor the shape of {@code sound}, so both are read leniently: the id as
 * text (a JSON number or string), the sound as the JSON the service sent.
 */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableRecording.class)
public abstract class Recording {
    Recording() {}

    /** The recording's id, as text. */
    public abstract Optional<String> id();

    /** The length in seconds: {@code duration} on the wire. */
    @JsonProperty("duration")
    public abstract Optional<Long> durationSeconds();

    /** Whether the recording has expired and can no longer be played. */
    public abstract Optional<Boolean> expired();

    /** Whether the recording was accepted (e.g. consented to). */
    public abstract Optional<Boolean> accepted();

    /** The {@code sound} value as sent (e.g. a URL or {@code {formats, url}}); absent when null. */
    public abstract Optional<JsonNode> sound();

    /** {@link #durationSeconds()} as a {@link Duration}. */
    public final Optional<Duration> duration() {
        return durationSeconds().map(Duration::ofSeconds);
    }

    @Value.Check
    Recording normalize() {
        return Json.isNull(sound())
                ? Recording.builder().from(this).sound(Optional.empty()).build()
                : this;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Recording}. */
    public static final class Builder extends ImmutableRecording.Builder {
        Builder() {}
    }
}
