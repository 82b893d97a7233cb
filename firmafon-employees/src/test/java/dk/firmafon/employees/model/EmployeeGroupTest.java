package dk.firmafon.employees.model;

import static dk.firmafon.employees.Fixtures.json;
import static dk.firmafon.employees.Fixtures.mapper;
import static dk.firmafon.employees.Fixtures.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.model.Endpoint;
import org.junit.jupiter.api.Test;

class EmployeeGroupTest {

    @Test
    void employeeGroupFixtureRoundTripsWithEveryField() {
        EmployeeGroup group = roundTrip(json("employee_group.json").get("employee_group"), EmployeeGroup.class);

        assertThat(group)
                .isEqualTo(EmployeeGroup.builder()
                        .type("EmployeeGroup")
                        .id(3)
                        .name("Support")
                        .livePresence(LivePresence.AVAILABLE)
                        .speedDial(SpeedDial.builder().digit(300).build())
                        .addEmployeeIds(12L, 15L)
                        .endpoint(Endpoint.employeeGroup(3))
                        .build());
    }

    @Test
    void unknownFieldsAndUnknownPresenceAreReadWithoutError() throws Exception {
        EmployeeGroup group = mapper().readValue(
                        """
                {"id": 4, "name": "Sales", "live_presence": "in_meeting", "employee_ids": null, "queue": {"size": 3},
                 "endpoint": "EmployeeGroup#4"}""",
                        EmployeeGroup.class);

        assertThat(group.livePresence().map(LivePresence::value)).contains("in_meeting");
        assertThat(group.employeeIds()).isEmpty();
        assertThat(group.endpoint()).isEqualTo(Endpoint.employeeGroup(4));
    }
}
