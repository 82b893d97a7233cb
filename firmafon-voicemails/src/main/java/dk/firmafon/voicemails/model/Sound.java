package dk.firmafon.voicemails.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.FirmafonModel;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where a voice mail's recording is, as the API describes it.
 *
 * <p>{@link #url()} is informational: it is absolute and, on old records, points at a v1 path over plain http.
 * Download the recording with {@code VoiceMailsClient.download(id)}, which asks the configured API host and
 * never sends credentials elsewhere.
 */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableSound.class)
public abstract class Sound {
    Sound() {}

    /** The media types offered, e.g. {@code audio/mpeg}. */
    public abstract List<String> formats();

    /** The recording's absolute URL as the API sent it; do not fetch it with the SDK's credentials. */
    public abstract Optional<String> url();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Sound}. */
    public static final class Builder extends ImmutableSound.Builder {
        Builder() {}
    }
}
