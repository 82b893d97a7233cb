package dk.firmafon.employees.model;

import dk.firmafon.core.model.FirmafonModel;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The fields of an employee group to create or change ({@code name}, {@code employee_ids}). Checked when used: a
 * blank name, or an id that is not positive, is refused naming the field before anything is sent.
 *
 * <pre>{@code
 * EmployeeGroupDraft.builder().name("Support").employeeIds(List.of(12L, 15L)).build()
 * }</pre>
 */
@Value.Immutable
@FirmafonModel
public abstract class EmployeeGroupDraft {
    EmployeeGroupDraft() {}

    /** The group's name; required to create a group. */
    public abstract Optional<String> name();

    /** The members' employee ids; replaces the members on update. */
    public abstract Optional<List<Long>> employeeIds();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EmployeeGroupDraft}. */
    public static final class Builder extends ImmutableEmployeeGroupDraft.Builder {
        Builder() {}
    }
}
