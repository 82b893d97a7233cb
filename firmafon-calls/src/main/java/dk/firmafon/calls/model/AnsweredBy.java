package dk.firmafon.calls.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.FirmafonModel;
import dk.firmafon.core.model.PhoneNumber;
import java.util.Optional;
import org.immutables.value.Value;

/** Who answered a call: a call's {@code answered_by} ({@code {id, name, number}}). */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableAnsweredBy.class)
public abstract class AnsweredBy {
    AnsweredBy() {}

    /** The employee's id. */
    public abstract Optional<Long> id();

    public abstract Optional<String> name();

    /** The employee's number, as the API sent it. */
    public abstract Optional<PhoneNumber> number();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AnsweredBy}. */
    public static final class Builder extends ImmutableAnsweredBy.Builder {
        Builder() {}
    }
}
