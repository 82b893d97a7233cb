package dk.firmafon.voicemails.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.FirmafonModel;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A voice mail left for an endpoint (an employee, a group or a reception).
 *
 * <p>Multi-word fields carry their JSON names explicitly: Immutables writes explicit Jackson names, which a
 * mapper's naming strategy does not rename.
 */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableVoiceMail.class)
public abstract class VoiceMail {
    VoiceMail() {}

    public abstract long id();

    /** When the caller left it; the listing's paging cursor. */
    @JsonProperty("created_at")
    public abstract OffsetDateTime createdAt();

    /** Whether someone has listened to it (or marked it heard). */
    @Value.Default
    public boolean heard() {
        return false;
    }

    /** Where the recording is; download it with {@code VoiceMailsClient.download(id)}. */
    public abstract Optional<Sound> sound();

    /** The recording's length in seconds. */
    public abstract Optional<Integer> duration();

    /** The caller's number, country code first; absent when the caller hid it. */
    @JsonProperty("from_number")
    public abstract Optional<String> fromNumber();

    /** What Firmafon knows about the caller's number. */
    @JsonProperty("from_contact")
    public abstract Optional<Contact> fromContact();

    /** The display name of the endpoint the voice mail was left for, e.g. an employee's name. */
    @JsonProperty("endpoint_name")
    public abstract Optional<String> endpointName();

    /** The endpoint the voice mail was left for, e.g. {@code Employee#12}. */
    public abstract Optional<Endpoint> endpoint();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link VoiceMail}. */
    public static final class Builder extends ImmutableVoiceMail.Builder {
        Builder() {}
    }
}
