package dk.firmafon.employees.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.FirmafonModel;
import dk.firmafon.core.model.PhoneNumber;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A person in the company: the authenticated user ({@code GET /employee}) or a colleague. */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableEmployee.class)
public abstract class Employee {
    Employee() {}

    /** The API's type name, {@code Employee}. */
    public abstract Optional<String> type();

    public abstract long id();

    /**
     * The employee's full name, e.g. {@code Jonas Juhl}. {@code Optional} like every field but the id (the rule of
     * {@link FirmafonModel}): the reference does not promise it, and a colleague without one must not fail a listing.
     */
    public abstract Optional<String> name();

    /** The employee's own number (usually a mobile), country code first. */
    public abstract Optional<PhoneNumber> number();

    /** Whether calls are held back from this employee. */
    @JsonProperty("do_not_disturb")
    @Value.Default
    public boolean doNotDisturb() {
        return false;
    }

    /** When do-not-disturb switches itself off; absent when it does not. */
    @JsonProperty("dnd_timeout_at")
    public abstract Optional<OffsetDateTime> dndTimeoutAt();

    @JsonProperty("live_presence")
    public abstract Optional<LivePresence> livePresence();

    @JsonProperty("speed_dial")
    public abstract Optional<SpeedDial> speedDial();

    /**
     * Whether the employee is part of the switchboard (needed to join or leave groups), when the service says so: the
     * current API leaves {@code has_switch} out (see {@link #features()}, {@link EmployeeFeature#SWITCH}), and an absent
     * value is not read as {@code false}.
     */
    @JsonProperty("has_switch")
    public abstract Optional<Boolean> hasSwitch();

    /**
     * The reception whose number is shown instead of the employee's own when they call out; absent when none.
     * The service may send the whole reception, an object holding only its id, or the bare id: all are read, and
     * fields it did not send are absent.
     */
    @JsonProperty("cloak_reception")
    @JsonDeserialize(using = LenientJson.CloakReceptionReader.class)
    public abstract Optional<Reception> cloakReception();

    /** The groups the employee belongs to. */
    @JsonProperty("employee_group_ids")
    public abstract List<Long> employeeGroupIds();

    /**
     * Whether the company is in its trial period (SMS messages are refused then), when the service says so: the current
     * API leaves {@code in_trial} out, and an absent value is not read as {@code false}.
     */
    @JsonProperty("in_trial")
    public abstract Optional<Boolean> inTrial();

    /** {@code Employee#id}; derived from the id when the service leaves it out. */
    @Value.Default
    public Endpoint endpoint() {
        return Endpoint.employee(id());
    }

    @JsonProperty("company_id")
    public abstract Optional<Long> companyId();

    /** Whether the employee administers the company; not sent by every version of the service. */
    public abstract Optional<Boolean> admin();

    /**
     * The features the employee's subscription gives them ({@code mobile}, {@code switch}, {@code live_call},
     * {@code integrations}, ...; unknown ones kept). Read from a list of names, and leniently from an object of flags
     * too. Empty when not sent.
     */
    @JsonDeserialize(using = LenientJson.FeatureNames.class)
    public abstract List<EmployeeFeature> features();

    /** The number formatted for reading ({@code "71 99 99 99"}), when the service sends it. */
    @JsonProperty("number_formatted")
    public abstract Optional<String> numberFormatted();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Employee}. */
    public static final class Builder extends ImmutableEmployee.Builder {
        Builder() {}
    }
}
