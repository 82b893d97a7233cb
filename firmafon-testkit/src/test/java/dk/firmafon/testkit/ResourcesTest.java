package dk.firmafon.testkit;

import static dk.firmafon.testkit.Http.body;
import static dk.firmafon.testkit.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourcesTest {

    @RegisterExtension
    static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension();

    @ParameterizedTest
    @CsvSource({
        "/calls, calls",
        "/call_nodes/live, call_nodes",
        "/employee, employee",
        "/employees, employees",
        "/employees/15, employee",
        "/employee_groups, employee_groups",
        "/employee_groups/3, employee_group",
        "/employee_groups/3/employees, employees",
        "/receptions, receptions",
        "/receptions/7, reception",
        "/voice_mails, voice_mails",
        "/voice_mails/5040, voice_mail",
        "/announcements, announcements",
        "/contacts/300, contact",
        "/smileys, smileys",
        "/smileys/statistics, statistics",
        "/call_recordings/700, call_recording",
        "/statistics?endpoint_type=Reception, statistics",
    })
    void everyResourceAnswersInItsEnvelope(String path, String envelope, FakeFirmafon fake) {
        HttpResponse<String> response = get(fake, path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode json = body(response);
        assertThat(json.fieldNames()).toIterable().containsExactly(envelope);
    }

    @Test
    void jsonSuffixIsAccepted(FakeFirmafon fake) {
        assertThat(body(get(fake, "/employee.json")).at("/employee/id").asLong())
                .isEqualTo(FakeFirmafon.CURRENT_EMPLOYEE_ID);
        assertThat(body(get(fake, "/calls.json?limit=2")).get("calls")).hasSize(2);
    }

    @Test
    void callHasTheFieldsOfTheFixture(FakeFirmafon fake) {
        JsonNode call = body(get(fake, "/calls?limit=1")).at("/calls/0");
        assertThat(call.fieldNames())
                .toIterable()
                .contains(
                        "call_uuid",
                        "company_id",
                        "endpoint",
                        "endpoint_name",
                        "from_number",
                        "to_number",
                        "from_contact",
                        "to_contact",
                        "direction",
                        "nodes",
                        "started_at",
                        "answered_at",
                        "answered_by",
                        "ended_at",
                        "status");
        JsonNode byId =
                body(get(fake, "/calls/" + call.get("call_uuid").asText())).get("call");
        assertThat(byId).isEqualTo(call);
        JsonNode node = call.at("/nodes/0");
        assertThat(node.fieldNames())
                .toIterable()
                .contains(
                        "node_uuid",
                        "call_uuid",
                        "endpoint",
                        "started_at",
                        "answered_at",
                        "ended_at",
                        "state",
                        "node_type");
    }

    @Test
    void employeeVoiceMailReceptionAndGroupHaveTheirFields(FakeFirmafon fake) {
        assertThat(body(get(fake, "/employee")).get("employee").fieldNames())
                .toIterable()
                .contains(
                        "type",
                        "id",
                        "name",
                        "number",
                        "do_not_disturb",
                        "dnd_timeout_at",
                        "live_presence",
                        "speed_dial",
                        "has_switch",
                        "cloak_reception",
                        "employee_group_ids",
                        "in_trial",
                        "endpoint",
                        "company_id");
        assertThat(body(get(fake, "/voice_mails/5040"))
                        .at("/voice_mail/sound/url")
                        .asText())
                .isEqualTo(fake.baseUri() + "/voice_mails/5040/sound");
        assertThat(body(get(fake, "/receptions/7"))
                        .at("/reception/phone_number/number")
                        .asText())
                .isEqualTo("4570201000");
        assertThat(body(get(fake, "/employee_groups/3")).at("/employee_group/employee_ids"))
                .hasSize(3);
    }

    @Test
    void employeesAreOrderedByFirstName(FakeFirmafon fake) {
        List<String> names = new ArrayList<>();
        body(get(fake, "/employees"))
                .get("employees")
                .forEach(e -> names.add(e.get("name").asText()));
        assertThat(names).hasSize(FakeFirmafon.SEEDED_EMPLOYEES).isSorted();
    }

    @ParameterizedTest
    @CsvSource({
        "/calls/no-such-call",
        "/call_nodes/nope",
        "/employees/999",
        "/employees/abc",
        "/employee_groups/99",
        "/receptions/1",
        "/voice_mails/1",
        "/contacts/1",
        "/nothing/here"
    })
    void unknownIdsAndPathsAre404WithAJsonBody(String path, FakeFirmafon fake) {
        HttpResponse<String> response = get(fake, path);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body(response).get("message").asText()).isEqualTo("404 Not Found");
    }

    @Test
    void pathsOutsideTheApiBaseAre404(FakeFirmafon fake) {
        HttpResponse<String> response = Http.send(Http.authorized(fake, "")
                .uri(java.net.URI.create("http://127.0.0.1:" + fake.port() + "/calls"))
                .build());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void seededDataIsTheSameOnEveryStart(FakeFirmafon fake) {
        try (FakeFirmafon other = FakeFirmafon.start()) {
            String mine = get(fake, "/calls?limit=100").body();
            String theirs = get(other, "/calls?limit=100").body();
            assertThat(theirs.replace(":" + other.port() + "/", ":" + fake.port() + "/"))
                    .isEqualTo(mine);
        }
    }
}
