package dk.firmafon.employees.model;

import dk.firmafon.core.model.FirmafonModel;
import dk.firmafon.core.support.Arguments;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The changes {@code PUT /employees/:id} makes: only the fields set here are sent, the others stay as they are
 * ({@link #clearDndTimeoutAt()} removes the do-not-disturb timeout).
 *
 * <pre>{@code
 * EmployeeUpdate.builder().doNotDisturb(true).dndTimeoutAt(OffsetDateTime.now().plusHours(1)).build()
 * }</pre>
 */
@Value.Immutable
@FirmafonModel
public abstract class EmployeeUpdate {
    EmployeeUpdate() {}

    /** Turns do-not-disturb on or off. */
    public abstract Optional<Boolean> doNotDisturb();

    /** When do-not-disturb switches itself off again. */
    public abstract Optional<OffsetDateTime> dndTimeoutAt();

    /**
     * Removes the time at which do-not-disturb would switch itself off ({@code "dnd_timeout_at": null}), so it stays
     * on until switched off; not together with {@link #dndTimeoutAt()}.
     */
    @Value.Default
    public boolean clearDndTimeoutAt() {
        return false;
    }

    /**
     * The complete new list of groups the employee belongs to (an empty list removes them from every group).
     * <strong>Needs admin rights:</strong> the service refuses it for other users.
     */
    public abstract Optional<List<Long>> employeeGroupIds();

    /** Refuses a timeout both set and cleared; copies the group ids into an unmodifiable list and checks them. */
    @Value.Check
    protected EmployeeUpdate normalize() {
        Arguments.setOrClear("update", "dndTimeoutAt", dndTimeoutAt().isPresent(), clearDndTimeoutAt());
        if (employeeGroupIds().isEmpty()) {
            return this;
        }
        List<Long> ids = employeeGroupIds().get();
        List<Long> copy = Arguments.positiveIds("employeeGroupIds", ids);
        return copy == ids ? this : builder().from(this).employeeGroupIds(copy).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EmployeeUpdate}. */
    public static final class Builder extends ImmutableEmployeeUpdate.Builder {
        Builder() {}
    }
}
