package dk.firmafon.employees.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmployeeUpdateTest {

    @Test
    void groupIdsAreCopiedSoLaterChangesToTheCallersListDoNotLeakIn() {
        List<Long> ids = new ArrayList<>(List.of(3L, 4L));
        EmployeeUpdate update = EmployeeUpdate.builder().employeeGroupIds(ids).build();

        ids.add(5L);

        assertThat(update.employeeGroupIds()).contains(List.of(3L, 4L));
    }

    @Test
    void nonPositiveOrNullGroupIdsAreRefusedNamingTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmployeeUpdate.builder()
                        .employeeGroupIds(List.of(3L, 0L))
                        .build())
                .withMessageStartingWith("employeeGroupIds must hold only positive ids");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmployeeUpdate.builder()
                        .employeeGroupIds(Arrays.asList(3L, null))
                        .build())
                .withMessageStartingWith("employeeGroupIds");
    }

    @Test
    void fieldsNotSetAreAbsent() {
        EmployeeUpdate update = EmployeeUpdate.builder().doNotDisturb(true).build();

        assertThat(update.doNotDisturb()).contains(true);
        assertThat(update.dndTimeoutAt()).isEmpty();
        assertThat(update.employeeGroupIds()).isEmpty();
    }
}
