package dk.firmafon.calls.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.FirmafonModel;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A call recording: a call's {@code recording} ({@code {id, duration, expired, accepted, sound}}, newer payloads),
 * a smiley's {@code call_recording} ({@code {id, started_at, duration, sound {formats, url}}}) and the resource
 * {@code GET /call_recordings/:id} reads. The API documents neither the type of {@code id} nor every shape of
 * {@code sound}, so both are read leniently: the id as text (a JSON number or string), the sound as the JSON the
 * service sent. Its sound is downloaded with {@code CallRecordingsClient.download}.
 */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableRecording.class)
public abstract class Recording {
    Recording() {}

    /** The recording's id, as text. */
    public abstract Optional<String> id();

    /** When the recording started ({@code started_at}), with its offset. */
    @JsonProperty("started_at")
    public abstract Optional<OffsetDateTime> startedAt();

    /** The length in seconds: {@code duration} on the wire. */
    @JsonProperty("duration")
    public abstract Optional<Long> durationSeconds();

    /** Whether the recording has expired and can no longer be played. */
    public abstract Optional<Boolean> expired();

    /** Whether the recording was accepted (e.g. consented to). */
    public abstract Optional<Boolean> accepted();

    /** The {@code sound} value as sent (e.g. a URL or {@code {formats, url}}); absent when null. */
    public abstract Optional<JsonNode> sound();

    /** The id as a number, when it is one (the path {@code /call_recordings/:id} takes it). */
    public final java.util.OptionalLong numericId() {
        try {
            return id().map(text -> java.util.OptionalLong.of(Long.parseLong(text.strip())))
                    .orElse(java.util.OptionalLong.empty());
        } catch (NumberFormatException notANumber) {
            return java.util.OptionalLong.empty();
        }
    }

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
