package dk.firmafon.testkit;

import static dk.firmafon.testkit.Http.body;
import static dk.firmafon.testkit.Http.get;
import static dk.firmafon.testkit.Http.json;
import static dk.firmafon.testkit.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.testkit.internal.Seed;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatefulResourcesTest {

    @RegisterExtension
    static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension();

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.isObject() ? item.get("id").asLong() : item.asLong()));
        return ids;
    }

    @Test
    void contactIsCreatedLookedUpUpdatedAndDeleted(FakeFirmafon fake) {
        HttpResponse<String> created = json(
                fake,
                "POST",
                "/contacts",
                "{\"contact\":{\"number\":\"4512345678\",\"name\":\"Ny Kunde\",\"email\":\"ny@example.org\"}}");
        assertThat(created.statusCode()).isEqualTo(200);
        long id = body(created).at("/contact/id").asLong();
        assertThat(body(created).at("/contact/number_formatted").asText()).isEqualTo("12 34 56 78");

        assertThat(body(get(fake, "/contacts?number=4512345678"))
                        .at("/contacts/0/id")
                        .asLong())
                .isEqualTo(id);

        HttpResponse<String> updated =
                json(fake, "PUT", "/contacts/" + id, "{\"contact\":{\"name\":\"Gammel Kunde\"}}");
        assertThat(body(updated).at("/contact/name").asText()).isEqualTo("Gammel Kunde");
        assertThat(body(get(fake, "/contacts/" + id)).at("/contact/email").asText())
                .isEqualTo("ny@example.org");

        HttpResponse<String> deleted =
                send(Http.authorized(fake, "/contacts/" + id).DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(get(fake, "/contacts/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void contactsAreListedByAscendingIdTenAtATimeWithTheInclusiveIdCursor(FakeFirmafon fake) {
        JsonNode first = body(get(fake, "/contacts")).at("/contacts");
        assertThat(first.size()).isEqualTo(10);
        List<Long> seen = new java.util.ArrayList<>();
        first.forEach(contact -> seen.add(contact.get("id").asLong()));
        assertThat(seen).isSorted();
        long next = seen.get(seen.size() - 1) + 1;
        JsonNode rest =
                body(get(fake, "/contacts?limit=100&id_gt_or_eq=" + next)).at("/contacts");
        rest.forEach(contact -> seen.add(contact.get("id").asLong()));
        assertThat(seen).doesNotHaveDuplicates().hasSize(Seed.CONTACTS);
        assertThat(seen.get(seen.size() - 1) - seen.get(0)).as("ids have holes").isGreaterThan(Seed.CONTACTS - 1);
        assertThat(body(get(fake, "/contacts?id_gt_or_eq=" + seen.get(3)))
                        .at("/contacts/0/id")
                        .asLong())
                .as("the cursor is inclusive")
                .isEqualTo(seen.get(3));
    }

    @Test
    void contactAcceptsAFormBodyInRailsStyle(FakeFirmafon fake) {
        HttpResponse<String> created = send(Http.authorized(fake, "/contacts")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("contact%5Bnumber%5D=4587654321&contact%5Bname%5D=Form"))
                .build());
        assertThat(body(created).at("/contact/name").asText()).isEqualTo("Form");
    }

    @Test
    void invalidContactsAre422(FakeFirmafon fake) {
        assertThat(json(fake, "POST", "/contacts", "{\"contact\":{\"name\":\"No number\"}}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(json(fake, "POST", "/contacts", "{\"contact\":{\"number\":\"+45 12\"}}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(get(fake, "/contacts?limit=0").statusCode()).isEqualTo(422);
        assertThat(get(fake, "/contacts?id_gt_or_eq=abc").statusCode()).isEqualTo(422);
        assertThat(body(get(fake, "/contacts?number=4500000000"))
                        .at("/contacts")
                        .size())
                .isZero();
        assertThat(json(fake, "POST", "/contacts", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void voiceMailIsMarkedHeardAndDeleted(FakeFirmafon fake) {
        HttpResponse<String> heard = json(fake, "PUT", "/voice_mails/5039", "{\"voice_mail\":{\"heard\":true}}");
        assertThat(body(heard).at("/voice_mail/heard").asBoolean()).isTrue();
        assertThat(body(get(fake, "/voice_mails/5039")).at("/voice_mail/heard").asBoolean())
                .isTrue();
        json(fake, "PUT", "/voice_mails/5039", "{\"voice_mail\":{\"heard\":false}}");
        assertThat(body(get(fake, "/voice_mails/5039")).at("/voice_mail/heard").asBoolean())
                .isFalse();

        assertThat(send(Http.authorized(fake, "/voice_mails/5039").DELETE().build())
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(fake, "/voice_mails/5039").statusCode()).isEqualTo(404);
        assertThat(get(fake, "/voice_mails/5039/sound").statusCode()).isEqualTo(404);
        assertThat(ids(body(get(fake, "/voice_mails?limit=100")).get("voice_mails")))
                .hasSize(FakeFirmafon.SEEDED_VOICE_MAILS - 1)
                .doesNotContain(5039L);
    }

    @Test
    void voiceMailsPageWithAnInclusiveCreatedAtCursor(FakeFirmafon fake) {
        JsonNode first = body(get(fake, "/voice_mails?limit=10")).get("voice_mails");
        assertThat(first).hasSize(10);
        String cursor = first.get(9).get("created_at").asText();
        JsonNode next = body(get(
                        fake,
                        "/voice_mails?limit=10&created_at_lt_or_eq="
                                + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)))
                .get("voice_mails");
        assertThat(next.get(0)).isEqualTo(first.get(9));
        // the seeded tie: the same instant, written with another offset
        assertThat(java.time.OffsetDateTime.parse(next.get(1).get("created_at").asText())
                        .toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse(cursor).toInstant());
        assertThat(body(get(fake, "/voice_mails")).get("voice_mails")).hasSize(30);
    }

    @Test
    void soundIsTheExpectedMp3Bytes(FakeFirmafon fake) throws Exception {
        HttpResponse<byte[]> sound = Http.CLIENT.send(
                Http.authorized(fake, "/voice_mails/5040/sound").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(sound.statusCode()).isEqualTo(200);
        assertThat(sound.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        try (var expected = fake.expectedSound(5040)) {
            assertThat(sound.body()).isEqualTo(expected.readAllBytes());
        }
        assertThat(new String(sound.body(), 0, 3, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("ID3");
    }

    @Test
    void doNotDisturbIsKept(FakeFirmafon fake) {
        HttpResponse<String> updated = json(
                fake,
                "PUT",
                "/employees/12",
                "{\"employee\":{\"do_not_disturb\":true,\"dnd_timeout_at\":\"2025-06-02T17:00:00+02:00\"}}");
        assertThat(updated.statusCode()).isEqualTo(200);
        JsonNode me = body(get(fake, "/employee")).get("employee");
        assertThat(me.get("do_not_disturb").asBoolean()).isTrue();
        assertThat(me.get("dnd_timeout_at").asText()).isEqualTo("2025-06-02T17:00:00+02:00");
        assertThat(me.get("live_presence").asText()).isEqualTo("do_not_disturb");

        json(fake, "PUT", "/employees/12", "{\"employee\":{\"do_not_disturb\":false,\"dnd_timeout_at\":null}}");
        me = body(get(fake, "/employees/12")).get("employee");
        assertThat(me.get("do_not_disturb").asBoolean()).isFalse();
        assertThat(me.get("dnd_timeout_at").isNull()).isTrue();
        assertThat(json(fake, "PUT", "/employees/12", "{\"employee\":{\"do_not_disturb\":\"maybe\"}}")
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void groupMembershipIsKeptOnBothSides(FakeFirmafon fake) {
        assertThat(ids(body(json(fake, "POST", "/employee_groups/5/join", "")).at("/employee_group/employee_ids")))
                .contains(12L);
        assertThat(ids(body(get(fake, "/employee")).at("/employee/employee_group_ids")))
                .contains(5L);
        assertThat(ids(body(get(fake, "/employee_groups/5/employees")).get("employees")))
                .contains(12L);

        json(fake, "POST", "/employee_groups/3/leave", "");
        assertThat(ids(body(get(fake, "/employee_groups/3")).at("/employee_group/employee_ids")))
                .doesNotContain(12L);

        json(fake, "PUT", "/employees/15", "{\"employee\":{\"employee_group_ids\":[4,6]}}");
        assertThat(ids(body(get(fake, "/employees/15")).at("/employee/employee_group_ids")))
                .containsExactlyInAnyOrder(4L, 6L);
        assertThat(ids(body(get(fake, "/employee_groups/6")).at("/employee_group/employee_ids")))
                .containsExactly(15L);
        assertThat(json(fake, "PUT", "/employees/15", "{\"employee\":{\"employee_group_ids\":[99]}}")
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void messagesAreRecordedAndAnEmptyBodyIsRefused(FakeFirmafon fake) {
        HttpResponse<String> sent =
                json(fake, "POST", "/employees/15/message", "{\"message\":{\"body\":\"Ring mig\"}}");
        assertThat(body(sent).get("sent").asBoolean()).isTrue();
        json(fake, "POST", "/employee_groups/3/message", "{\"message\":{\"body\":\"Møde kl. 14\"}}");
        assertThat(json(fake, "POST", "/employees/15/message", "{\"message\":{\"body\":\"  \"}}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(fake.sentMessages())
                .containsExactly(
                        new SentMessage("Employee#15", List.of("4570201015"), "Ring mig"),
                        new SentMessage(
                                "EmployeeGroup#3", List.of("4570201012", "4570201015", "4570201017"), "Møde kl. 14"));
    }

    @Test
    void announcementMarkedAsReadIsNoLongerListed(FakeFirmafon fake) {
        assertThat(ids(body(get(fake, "/announcements")).get("announcements"))).containsExactly(8L, 9L, 10L);
        assertThat(body(json(fake, "POST", "/announcements/9/mark_as_read", ""))
                        .at("/announcement/id")
                        .asLong())
                .isEqualTo(9);
        assertThat(ids(body(get(fake, "/announcements")).get("announcements"))).containsExactly(8L, 10L);
        assertThat(json(fake, "POST", "/announcements/77/mark_as_read", "").statusCode())
                .isEqualTo(404);
    }

    @Test
    void liveNodeIsTransferredAndHungUp(FakeFirmafon fake) {
        JsonNode live = body(get(fake, "/call_nodes/live")).get("call_nodes");
        String node = live.get(0).get("node_uuid").asText();
        assertThat(json(
                                fake,
                                "POST",
                                "/call_nodes/" + node + "/transfer",
                                "{\"endpoint\":\"Reception#1\",\"type\":\"attended\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(json(
                                fake,
                                "POST",
                                "/call_nodes/" + node + "/transfer",
                                "{\"endpoint\":\"Employee#15\",\"type\":\"sideways\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(json(
                                fake,
                                "POST",
                                "/call_nodes/" + node + "/transfer",
                                "{\"endpoint\":\"Employee#15\",\"type\":\"attended\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(fake, "POST", "/call_nodes/" + node + "/cancel_transfer", "")
                        .statusCode())
                .isEqualTo(200);

        assertThat(body(json(fake, "POST", "/call_nodes/" + node + "/hangup", ""))
                        .at("/call_node/state")
                        .asText())
                .isEqualTo("hungup");
        assertThat(body(get(fake, "/call_nodes/" + node))
                        .at("/call_node/ended_at")
                        .isNull())
                .isFalse();
        assertThat(json(fake, "POST", "/call_nodes/" + node + "/hangup", "").statusCode())
                .isEqualTo(422);
        body(get(fake, "/call_nodes/live"))
                .get("call_nodes")
                .forEach(n -> assertThat(n.get("node_uuid").asText()).isNotEqualTo(node));
    }

    @Test
    void dialChecksItsBody(FakeFirmafon fake) {
        assertThat(json(fake, "POST", "/switch/dial", "{\"to_number\":\"4531415926\",\"restrict_to\":\"mobile\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(fake, "POST", "/switch/dial", "{}").statusCode()).isEqualTo(422);
        assertThat(json(fake, "POST", "/switch/dial", "{\"to_number\":\"4531415926\",\"restrict_to\":\"fax\"}")
                        .statusCode())
                .isEqualTo(422);
    }
}
