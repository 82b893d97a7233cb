package dk.firmafon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.testkit.FakeFirmafon;
import dk.firmafon.testkit.FakeFirmafonExtension;
import dk.firmafon.testkit.RecordedRequest;
import dk.firmafon.testkit.internal.Seed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every command against the fake: what it sends and what it prints. */
class ResourceCommandsTest {
    @RegisterExtension
    static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private CliRun.Result ok(String... args) {
        CliRun.Result result = CliRun.against(FAKE.fake(), home).run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
        return result;
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private RecordedRequest last() {
        return FAKE.fake().journal().last();
    }

    @Test
    void callsGetPrintsTheCallsFields() {
        String uuid = json(ok("calls", "list", "--max", "1", "--json").lines().get(0))
                .get("call_uuid")
                .asText();

        CliRun.Result result = ok("calls", "get", uuid);

        assertThat(result.out()).contains("call_uuid").contains(uuid).contains("started_at");
        assertThat(last().path()).endsWith("/calls/" + uuid);
    }

    @Test
    void callsListInParallelExportsTheSameCallsInTheSameOrder() {
        String[] range = {"--after", "2025-05-30T00:00:00Z", "--before", "2025-06-02T10:00:00Z", "--json"};
        List<String> sequential =
                ok(concat(new String[] {"calls", "list"}, range)).lines();
        List<String> parallel = ok(concat(new String[] {"calls", "list", "--parallel", "4"}, range))
                .lines();
        assertThat(sequential).hasSizeGreaterThan(50);
        assertThat(parallel.stream()
                        .map(line -> json(line).get("call_uuid").asText())
                        .toList())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sequential.stream()
                        .map(line -> json(line).get("call_uuid").asText())
                        .toList());
        List<java.time.Instant> started = parallel.stream()
                .map(line -> java.time.OffsetDateTime.parse(
                                json(line).get("started_at").asText())
                        .toInstant())
                .toList();
        assertThat(started).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        CliRun.Result open = CliRun.against(FAKE.fake(), home).run("calls", "list", "--parallel", "4");
        assertThat(open.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(open.err()).contains("query.startedAtOrAfter must be set for an export");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void callsListSendsTheFilters() {
        ok("calls", "list", "--endpoint", "Reception#7", "--direction", "incoming", "--max", "3");

        RecordedRequest request =
                FAKE.fake().journal().requests("GET", "/calls").get(0);
        assertThat(request.queryParameter("endpoint")).hasValue("Reception#7");
        assertThat(request.queryParameter("direction")).hasValue("incoming");
    }

    @Test
    void callsLiveListsLiveNodesAndTransferHangupAndCancelActOnOne() {
        CliRun.Result live = ok("calls", "live", "--json");
        assertThat(live.lines()).isNotEmpty();
        String node = json(live.lines().get(0)).get("node_uuid").asText();

        assertThat(ok("calls", "transfer", node, "Reception#7", "--type", "attended")
                        .out())
                .contains("transferred " + node + " to Reception#7");
        assertThat(last().method()).isEqualTo("POST");
        assertThat(last().path()).endsWith("/call_nodes/" + node + "/transfer");
        assertThat(last().body()).contains("Reception#7").contains("attended");

        ok("calls", "cancel-transfer", node);
        assertThat(last().path()).endsWith("/call_nodes/" + node + "/cancel_transfer");

        assertThat(ok("calls", "hangup", node).out()).contains("hung up " + node);
        assertThat(last().path()).endsWith("/call_nodes/" + node + "/hangup");
    }

    @Test
    void callsDialPostsTheNormalisedNumber() {
        assertThat(ok("calls", "dial", "+45 71 99 99 99").out()).contains("dialling 4571999999");

        assertThat(last().method()).isEqualTo("POST");
        assertThat(last().path()).endsWith("/switch/dial");
        assertThat(json(last().body()).get("to_number").asText()).isEqualTo("4571999999");
    }

    @Test
    void employeesMeListGetAndUpdate() {
        assertThat(ok("employees", "me").out())
                .contains("id")
                .contains(String.valueOf(FakeFirmafon.CURRENT_EMPLOYEE_ID));
        assertThat(ok("employees", "list").lines()).hasSize(FakeFirmafon.SEEDED_EMPLOYEES + 1);
        assertThat(ok("employees", "get", "12", "--json").out()).contains("\"id\":12");

        CliRun.Result updated = ok("employees", "update", "12", "--dnd", "true", "--json");

        assertThat(json(updated.out()).get("do_not_disturb").asBoolean()).isTrue();
        assertThat(last().method()).isEqualTo("PUT");
        assertThat(json(last().body()).at("/employee/do_not_disturb").asBoolean())
                .isTrue();

        ok("employees", "update", "12", "--dnd-until", "2026-11-29T17:00:00+01:00");
        assertThat(json(ok("employees", "get", "12", "--json").out())
                        .get("dnd_timeout_at")
                        .isNull())
                .isFalse();
        JsonNode cleared = json(
                ok("employees", "update", "12", "--clear-dnd-until", "--json").out());
        assertThat(json(last().body()).at("/employee").toString()).isEqualTo("{\"dnd_timeout_at\":null}");
        assertThat(cleared.path("dnd_timeout_at").isMissingNode()
                        || cleared.get("dnd_timeout_at").isNull())
                .isTrue();
    }

    @Test
    void employeesMessageSendsOnlyWithYes() {
        CliRun.Result refused = CliRun.against(FAKE.fake(), home).run("employees", "message", "12", "Hello");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("--yes");
        assertThat(FAKE.fake().sentMessages()).isEmpty();

        assertThat(ok("employees", "message", "12", "Call", "me", "--yes").out())
                .contains("message sent to employee 12");
        assertThat(FAKE.fake().sentMessages()).hasSize(1);
        assertThat(FAKE.fake().sentMessages().get(0).toString()).contains("Call me");
    }

    @Test
    void groupsListGetMembersJoinLeaveAndMessage() {
        assertThat(ok("groups", "list").lines()).hasSize(5);
        assertThat(ok("groups", "get", "3").out()).contains("name");
        assertThat(ok("groups", "members", "3").lines().get(0)).startsWith("ID").contains("NAME");

        ok("groups", "join", "4");
        assertThat(last().path()).endsWith("/employee_groups/4/join");
        ok("groups", "leave", "4");
        assertThat(last().path()).endsWith("/employee_groups/4/leave");

        assertThat(ok("groups", "message", "3", "Lunch", "--yes").out()).contains("message sent to group 3");
        assertThat(last().path()).endsWith("/employee_groups/3/message");
    }

    @Test
    void receptionsListAndGet() {
        assertThat(ok("receptions", "list").lines()).hasSize(4);
        assertThat(ok("receptions", "get", "7", "--json").out()).contains("\"id\":7");
    }

    @Test
    void groupsCreateAndUpdateChangeTheFakesGroupsAndMemberships() {
        JsonNode created = json(ok("groups", "create", "--name", "Night shift", "--members", "12,15", "--json")
                .out());
        long id = created.get("id").asLong();
        assertThat(created.get("name").asText()).isEqualTo("Night shift");
        assertThat(created.get("employee_ids").toString()).isEqualTo("[12,15]");
        JsonNode updated =
                json(ok("groups", "update", String.valueOf(id), "--name", "Late shift", "--members", "15", "--json")
                        .out());
        assertThat(updated.get("name").asText()).isEqualTo("Late shift");
        assertThat(updated.get("employee_ids").toString()).isEqualTo("[15]");
        assertThat(ok("groups", "members", String.valueOf(id), "--json").lines())
                .hasSize(1);
        CliRun.Result unnamed = CliRun.against(FAKE.fake(), home).run("groups", "create");
        assertThat(unnamed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unnamed.err()).contains("draft.name is required to create a group");
    }

    @Test
    void receptionStatisticsAreComputedByTheFakeFromItsCalls() {
        long receptionId = json(ok("receptions", "list", "--json").lines().get(0))
                .get("id")
                .asLong();
        JsonNode all = json(ok("receptions", "statistics", String.valueOf(receptionId), "--json")
                .out());
        assertThat(all.get("total").asLong()).isPositive();
        assertThat(all.get("answered").asLong() + all.get("missed").asLong())
                .isEqualTo(all.get("total").asLong());
        JsonNode strict = json(ok(
                        "receptions",
                        "statistics",
                        String.valueOf(receptionId),
                        "--answer-target",
                        "1",
                        "--phase",
                        "open,closed",
                        "--json")
                .out());
        assertThat(strict.at("/within_target/answered").asLong())
                .isLessThanOrEqualTo(all.at("/within_target/answered").asLong());
        assertThat(FAKE.fake().journal().last().queryParameter("answer_target")).contains("1");
        assertThat(FAKE.fake().journal().last().queryParameter("phase")).contains("open,closed");
        CliRun.Result badPhase = CliRun.against(FAKE.fake(), home)
                .run("receptions", "statistics", String.valueOf(receptionId), "--phase", "lunch");
        assertThat(badPhase.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(badPhase.err()).contains("422");
    }

    @Test
    void smileysRecordingsAndStatisticsFromTheFake() throws Exception {
        List<String> smileys = ok("smileys", "list", "--json").lines();
        assertThat(smileys).isNotEmpty().hasSizeLessThanOrEqualTo(10); // the service's default page
        JsonNode smiley = json(smileys.get(0));
        assertThat(smiley.get("net_promoter_score").asInt()).isBetween(0, 10);
        assertThat(smiley.at("/call_recording/id").asLong()).isPositive();
        String endpoint = smiley.get("endpoint").asText();
        assertThat(ok("smileys", "list", "--endpoint", endpoint, "--json").lines())
                .allSatisfy(
                        line -> assertThat(json(line).get("endpoint").asText()).isEqualTo(endpoint));

        JsonNode statistics = json(ok("smileys", "statistics", "--json").out()).get("statistics");
        assertThat(statistics.get("total").asLong()).isPositive();

        long recordingId = smiley.at("/call_recording/id").asLong();
        JsonNode recording = json(
                ok("recordings", "get", String.valueOf(recordingId), "--json").out());
        assertThat(recording.get("duration").asLong())
                .isEqualTo(smiley.at("/call_recording/duration").asLong());
        java.nio.file.Path file = home.resolve("recording.mp3");
        assertThat(ok("recordings", "download", String.valueOf(recordingId), "-o", file.toString())
                        .out())
                .contains("saved");
        assertThat(java.nio.file.Files.size(file)).isPositive();

        JsonNode rows = json(ok(
                                "statistics",
                                "--type",
                                "RECEPTION",
                                "--start",
                                "2025-05-01",
                                "--end",
                                "2025-06-30",
                                "--group-by",
                                "RECEPTION_ID",
                                "--json")
                        .out())
                .get("statistics");
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).path("key").asText()).startsWith("Reception#");
        assertThat(FAKE.fake().journal().last().queryParameter("endpoint_type")).contains("Reception");
        assertThat(FAKE.fake().journal().last().queryParameter("group_by")).contains("reception_id");
        assertThat(FAKE.fake().journal().last().queryParameter("start")).contains("2025-05-01");
        CliRun.Result twoKeys =
                CliRun.against(FAKE.fake(), home).run("statistics", "--group-by", "RECEPTION_ID,PERIOD_DAY");
        assertThat(twoKeys.exitCode()).isEqualTo(ExitCodes.USAGE); // one aggregation key, as documented

        CliRun.Result mixed =
                CliRun.against(FAKE.fake(), home).run("statistics", "--type", "RECEPTION", "--endpoint", "Employee#12");
        assertThat(mixed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(mixed.err()).contains("query.endpoints must all be of the query's endpoint type Reception");
    }

    @Test
    void employeesUpdateMeChangesTheSignedInEmployee() {
        JsonNode me =
                json(ok("employees", "update-me", "--dnd", "true", "--json").out());
        assertThat(me.get("do_not_disturb").asBoolean()).isTrue();
        assertThat(FAKE.fake().journal().count("PUT", "/employee")).isEqualTo(1);
        assertThat(json(ok("employees", "me", "--json").out())
                        .get("do_not_disturb")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void contactsListEveryContactExactlyOnceAtTheServicesDefaultPageSize() {
        FAKE.fake().journal().clear();
        List<String> lines = ok("contacts", "list", "--json").lines();

        assertThat(lines).hasSize(Seed.CONTACTS).doesNotHaveDuplicates();
        assertThat(lines)
                .allSatisfy(line ->
                        assertThat(json(line).get("number_formatted").asText()).matches("\\d\\d( \\d\\d){3}"));
        // 10 per page (the service's default, no limit sent), then the empty page that ends it
        assertThat(FAKE.fake().journal().count("GET", "/contacts")).isEqualTo(3);
        assertThat(ok("contacts", "list", "--page-size", "100", "--max", "5", "--json")
                        .lines())
                .hasSize(5);
        CliRun.Result missing = CliRun.against(FAKE.fake(), home).run("contacts", "lookup", "4500000000");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("no contact has the number ********00"); // personal data: last two digits
    }

    @Test
    void contactsCreateGetUpdateLookupAndDelete() {
        JsonNode created = json(ok("contacts", "create", "--number", "+45 20 30 40 50", "--name", "Ida", "--json")
                .out());
        long id = created.get("id").asLong();
        assertThat(created.get("number").asText()).isEqualTo("4520304050");

        assertThat(ok("contacts", "get", String.valueOf(id)).out()).contains("Ida");
        assertThat(ok("contacts", "update", String.valueOf(id), "--name", "Ida Iversen")
                        .out())
                .contains("Ida Iversen");
        ok("contacts", "update", String.valueOf(id), "--email", "ida@example.org");
        JsonNode withoutEmail = json(ok("contacts", "update", String.valueOf(id), "--clear-email", "--json")
                .out());
        assertThat(json(last().body()).at("/contact").toString()).isEqualTo("{\"email\":null}");
        assertThat(withoutEmail.path("email").isMissingNode()
                        || withoutEmail.get("email").isNull())
                .isTrue();
        assertThat(ok("contacts", "get", String.valueOf(id)).out()).doesNotContain("ida@example.org");
        assertThat(withoutEmail.get("name").asText()).isEqualTo("Ida Iversen");
        assertThat(ok("contacts", "lookup", "4520304050").out()).contains("Ida Iversen");
        assertThat(ok("contacts", "delete", String.valueOf(id)).out()).contains("deleted contact " + id);

        CliRun.Result gone = CliRun.against(FAKE.fake(), home).run("contacts", "get", String.valueOf(id));
        assertThat(gone.exitCode()).isEqualTo(ExitCodes.FAILURE);
    }

    @Test
    void voicemailsListGetHeardDownloadAndDelete() throws Exception {
        assertThat(ok("voicemails", "list").lines()).hasSize(FakeFirmafon.SEEDED_VOICE_MAILS + 1);
        assertThat(ok("voicemails", "get", "5040").out()).contains("5040");

        assertThat(json(ok("voicemails", "heard", "5040", "--json").out())
                        .get("heard")
                        .asBoolean())
                .isTrue();
        assertThat(json(ok("voicemails", "heard", "5040", "--unheard", "--json").out())
                        .get("heard")
                        .asBoolean())
                .isFalse();

        Path file = home.resolve("vm.mp3");
        assertThat(ok("voicemails", "download", "5040", "-o", file.toString()).out())
                .contains("bytes to " + file);
        try (var expected = FAKE.fake().expectedSound(5040)) {
            assertThat(Files.readAllBytes(file)).isEqualTo(expected.readAllBytes());
        }

        assertThat(ok("voicemails", "delete", "5040").out()).contains("deleted voice mail 5040");
        assertThat(last().method()).isEqualTo("DELETE");
    }

    @Test
    void announcementsListAndRead() {
        assertThat(ok("announcements", "list").lines()).hasSize(4);

        assertThat(ok("announcements", "read", "8", "--json").out()).contains("\"id\":8");
        assertThat(last().method()).isEqualTo("POST");
        assertThat(last().path()).endsWith("/announcements/8/mark_as_read");
    }

    @Test
    void apiSendsARawAuthenticatedRequestAndPrintsTheJsonBody() {
        CliRun.Result result = ok("api", "GET", "/employee");
        assertThat(json(result.out()).at("/employee/id").asLong()).isEqualTo(FakeFirmafon.CURRENT_EMPLOYEE_ID);
        assertThat(last().header("Authorization"))
                .hasValue("Bearer " + FAKE.fake().accessToken());

        CliRun.Result listed = ok("api", "GET", "/calls", "-q", "limit=2", "--json");
        assertThat(listed.lines()).hasSize(1);
        assertThat(json(listed.out()).get("calls")).hasSize(2);

        CliRun.Result posted = ok("api", "POST", "/contacts", "-d", "{\"contact\": {\"number\": \"4511223344\"}}");
        assertThat(json(posted.out()).at("/contact/number").asText()).isEqualTo("4511223344");
    }
}
