package dk.firmafon.employees.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.FirmafonModel;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A group of employees that calls can ring as one, e.g. {@code Support}. */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableEmployeeGroup.class)
public abstract class EmployeeGroup {
    EmployeeGroup() {}

    /** The API's type name, {@code EmployeeGroup}. */
    public abstract Optional<String> type();

    public abstract long id();

    /** The group's name, e.g. {@code Support}; {@code Optional} like every field but the id ({@link FirmafonModel}). */
    public abstract Optional<String> name();

    @JsonProperty("live_presence")
    public abstract Optional<LivePresence> livePresence();

    @JsonProperty("speed_dial")
    public abstract Optional<SpeedDial> speedDial();

    /** The members' ids. */
    @JsonProperty("employee_ids")
    public abstract List<Long> employeeIds();

    /** {@code EmployeeGroup#id}; derived from the id when the service leaves it out. */
    @Value.Default
    public Endpoint endpoint() {
        return Endpoint.employeeGroup(id());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EmployeeGroup}. */
    public static final class Builder extends ImmutableEmployeeGroup.Builder {
        Builder() {}
    }
}
