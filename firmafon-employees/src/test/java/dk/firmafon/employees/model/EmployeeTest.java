package dk.firmafon.employees.model;

import static dk.firmafon.employees.Fixtures.json;
import static dk.firmafon.employees.Fixtures.mapper;
import static dk.firmafon.employees.Fixtures.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.PhoneNumber;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmployeeTest {

    @Test
    void anEmployeeOrGroupWithoutANameDecodesLikeEveryModelWithAnAbsentField() throws Exception {
        Employee employee = mapper().readValue("{\"id\": 5, \"name\": null}", Employee.class);
        EmployeeGroup group = mapper().readValue("{\"id\": 3}", EmployeeGroup.class);

        assertThat(employee.name()).isEmpty();
        assertThat(employee.endpoint()).isEqualTo(Endpoint.employee(5));
        assertThat(group.name()).isEmpty();
        assertThat(group.endpoint()).isEqualTo(Endpoint.employeeGroup(3));
    }

    @Test
    void employeeFixtureRoundTripsWithEveryField() {
        Employee employee = roundTrip(json("employee.json").get("employee"), Employee.class);

        assertThat(employee.type()).contains("Employee");
        assertThat(employee.id()).isEqualTo(12);
        assertThat(employee.name()).contains("Jonas Juhl");
        assertThat(employee.number()).contains(PhoneNumber.of("4570201012"));
        assertThat(employee.doNotDisturb()).isFalse();
        assertThat(employee.dndTimeoutAt().map(OffsetDateTime::toInstant))
                .contains(OffsetDateTime.parse("2025-06-02T17:00:00+02:00").toInstant());
        assertThat(employee.livePresence()).contains(LivePresence.AVAILABLE);
        assertThat(employee.speedDial()).contains(SpeedDial.builder().digit(12).build());
        assertThat(employee.hasSwitch()).contains(true);
        assertThat(employee.cloakReception()).isEmpty();
        assertThat(employee.employeeGroupIds()).containsExactly(3L, 4L);
        assertThat(employee.inTrial()).contains(false);
        assertThat(employee.endpoint()).isEqualTo(Endpoint.employee(12));
        assertThat(employee.companyId()).contains(42L);
        assertThat(employee.admin()).isEmpty();
        assertThat(employee.features()).isEmpty();
    }

    @Test
    void employeesFixtureRoundTripsEachEmployee() {
        JsonNode employees = json("employees.json").get("employees");

        Employee jonas = roundTrip(employees.get(0), Employee.class);
        Employee mette = roundTrip(employees.get(1), Employee.class);

        assertThat(jonas.admin()).contains(true);
        assertThat(jonas.features()).containsExactly(EmployeeFeature.SWITCH, EmployeeFeature.of("sms"));
        assertThat(jonas.features().get(1).isKnown()).isFalse();
        assertThat(jonas.dndTimeoutAt()).isEmpty();
        assertThat(mette.doNotDisturb()).isTrue();
        assertThat(mette.livePresence()).contains(LivePresence.BUSY);
        assertThat(mette.speedDial()).isEmpty();
        assertThat(mette.cloakReception().map(Reception::id)).contains(7L);
        assertThat(mette.cloakReception().flatMap(Reception::name)).isEmpty();
        assertThat(mette.employeeGroupIds()).isEmpty();
    }

    @Test
    void unknownFieldsAndUnknownPresenceAreReadWithoutError() throws Exception {
        Employee employee = mapper().readValue(
                        """
                {"id": 5, "name": "Ny", "live_presence": "on_holiday", "brand_new_field": {"x": [1, 2]},
                 "speed_dial": {"digit": "7", "colour": "blue"}}""",
                        Employee.class);

        assertThat(employee.livePresence()).contains(LivePresence.of("on_holiday"));
        assertThat(employee.livePresence().map(LivePresence::isKnown)).contains(false);
        assertThat(employee.speedDial().map(SpeedDial::digit)).contains(7);
        assertThat(employee.endpoint()).as("derived when not sent").isEqualTo(Endpoint.employee(5));
        assertThat(employee.doNotDisturb()).isFalse();
        assertThat(mapper().readValue(mapper().writeValueAsString(employee), Employee.class))
                .isEqualTo(employee);
    }

    @Test
    void cloakReceptionIsReadAsAnObjectABareIdOrAnIdString() throws Exception {
        assertThat(cloakReceptionOf(
                        "{\"id\": 7, \"name\": \"Main line\", \"phone_number\": {\"number\": \"4570201000\"}}"))
                .contains(Reception.builder()
                        .id(7)
                        .name("Main line")
                        .phoneNumber(PhoneNumber.of("4570201000"))
                        .build());
        assertThat(cloakReceptionOf("7")).contains(Reception.builder().id(7).build());
        assertThat(cloakReceptionOf("\"7\"")).contains(Reception.builder().id(7).build());
        assertThat(cloakReceptionOf("null")).isEmpty();
    }

    private static Optional<Reception> cloakReceptionOf(String json) throws Exception {
        return mapper().readValue("{\"id\": 1, \"name\": \"A\", \"cloak_reception\": " + json + "}", Employee.class)
                .cloakReception();
    }

    @Test
    void featuresAreReadFromAListAnObjectOfFlagsOrASingleName() throws Exception {
        assertThat(featuresOf("[\"switch\", \"sms\"]")).containsExactly("switch", "sms");
        assertThat(featuresOf("{\"switch\": true, \"sms\": 1, \"fax\": false, \"queue\": 0, \"crm\": null,"
                        + " \"stats\": {\"level\": 2}}"))
                .containsExactly("switch", "sms", "stats");
        assertThat(featuresOf("\"switch\"")).containsExactly("switch");
        assertThat(featuresOf("null")).isEmpty();
    }

    private static List<String> featuresOf(String json) throws Exception {
        return mapper()
                .readValue("{\"id\": 1, \"name\": \"A\", \"features\": " + json + "}", Employee.class)
                .features()
                .stream()
                .map(EmployeeFeature::value)
                .toList();
    }

    @Test
    void theCurrentReferencesEmployeeLeavesHasSwitchAndInTrialAbsentNotFalse() throws Exception {
        Employee current = mapper().readValue(
                        "{\"admin\": true, \"cloak_reception\": null, \"company_id\": 1,"
                                + " \"dnd_timeout_at\": null, \"do_not_disturb\": false, \"employee_group_ids\": [1],"
                                + " \"features\": [\"mobile\", \"switch\", \"live_call\", \"integrations\", \"video\"],"
                                + " \"id\": 1, \"live_presence\": \"available\", \"name\": \"Relatel\","
                                + " \"number\": \"4571999999\", \"number_formatted\": \"71 99 99 99\","
                                + " \"speed_dial\": {\"digit\": 1}}",
                        Employee.class);

        assertThat(current.hasSwitch()).isEmpty();
        assertThat(current.inTrial()).isEmpty();
        assertThat(current.numberFormatted()).contains("71 99 99 99");
        assertThat(current.features())
                .containsExactly(
                        EmployeeFeature.MOBILE,
                        EmployeeFeature.SWITCH,
                        EmployeeFeature.LIVE_CALL,
                        EmployeeFeature.INTEGRATIONS,
                        EmployeeFeature.of("video"));
        assertThat(current.features())
                .filteredOn(feature -> !feature.isKnown())
                .extracting(EmployeeFeature::value)
                .containsExactly("video");
    }
}
