package dk.firmafon.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Extra facts about a phone number, from Firmafon's look-ups or added by users. Seen on its own
 * ({@code /contacts}) and as a call's {@code from_contact} / {@code to_contact}.
 */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableContact.class)
public abstract class Contact {
    Contact() {}

    /** The contact's id; absent on look-up results Firmafon has not stored. */
    public abstract Optional<Long> id();

    /** The number, country code included, digits only. */
    public abstract Optional<String> number();

    public abstract Optional<String> name();

    public abstract Optional<String> email();

    /** The number formatted for reading ({@code "71 99 99 99"}), as the current API sends it. */
    @JsonProperty("number_formatted")
    public abstract Optional<String> numberFormatted();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Contact}. */
    public static final class Builder extends ImmutableContact.Builder {
        Builder() {}
    }
}
