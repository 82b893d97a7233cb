package dk.firmafon.employees.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.FirmafonModel;
import dk.firmafon.core.model.PhoneNumber;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A company phone number and what answers it (its menu, queue and opening hours live in the web interface). Calls
 * are filtered and transferred by its {@link #endpoint()}, e.g. {@code Reception#7}. Also an employee's
 * {@linkplain Employee#cloakReception() cloak reception}, where the service may send only the id.
 */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableReception.class)
public abstract class Reception {
    Reception() {}

    public abstract long id();

    /** The name shown in the web interface; absent when the service sent only the id. */
    public abstract Optional<String> name();

    /** The reception's public number (JSON {@code "phone_number": {"number": "4570201000"}}). */
    @JsonProperty("phone_number")
    @JsonDeserialize(using = LenientJson.NumberObjectReader.class)
    @JsonSerialize(using = LenientJson.NumberObjectWriter.class)
    public abstract Optional<PhoneNumber> phoneNumber();

    /** {@code Reception#id}; derived from the id when the service leaves it out. */
    @Value.Default
    public Endpoint endpoint() {
        return Endpoint.reception(id());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Reception}. */
    public static final class Builder extends ImmutableReception.Builder {
        Builder() {}
    }
}
