package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Fills a {@link FakeState} with a deterministic company (fixed seed): the same data on every start, so tests may
 * rely on sizes, order and ties. The sizes are constants of {@link dk.firmafon.testkit.FakeFirmafon}.
 */
public final class Seed {

    public static final int CALLS = 300;
    public static final int LIVE_CALLS = 3;
    public static final int CONTACTS = 20;
    public static final int VOICE_MAILS = 40;
    public static final long CURRENT_EMPLOYEE_ID = 12;
    public static final Instant NEWEST_CALL = Instant.parse("2025-06-02T10:00:00Z");

    /**
     * Calls whose {@code started_at} equals that of the call before them (newest first): ties on the boundaries of pages of
     * 30 (29/30) and 100 (99/100/101, 199/200), and one more inside a page.
     */
    static final Set<Integer> CALL_TIES = Set.of(30, 100, 101, 200, 250);
    /** Voice mails sharing {@code created_at} with the one before: on the boundary of pages of 30 and 10. */
    static final Set<Integer> VOICE_MAIL_TIES = Set.of(10, 30);

    private static final long SEED = 20250602L;
    private static final ZoneOffset CET = ZoneOffset.ofHours(1);
    private static final ZoneOffset CEST = ZoneOffset.ofHours(2);

    private static final String[][] EMPLOYEES = {
        {"12", "Jonas Juhl"}, {"15", "Mette Munk"}, {"17", "Anders Andersen"}, {"21", "Bente Berg"},
        {"23", "Carl Christensen"}, {"27", "Dorthe Dahl"}, {"31", "Erik Eriksen"}, {"34", "Freja Frost"},
    };
    private static final long[][] GROUPS = {{3, 12, 15, 17}, {4, 12, 21, 23}, {5, 27}, {6}};
    private static final String[] GROUP_NAMES = {"Support", "Sales", "Management", "Night shift"};
    private static final String[][] RECEPTIONS = {
        {"7", "Main line", "4570201000"}, {"8", "Support line", "4570201100"}, {"9", "Sales line", "4570201200"},
    };
    private static final String[] FIRST = {
        "Ida", "Pia", "Lars", "Sofie", "Mads", "Emma", "Niels", "Karen", "Rasmus", "Laura"
    };
    private static final String[] LAST = {"Iversen", "Poulsen", "Larsen", "Skov", "Madsen", "Holm", "Nielsen", "Kjær"};

    private static final Instant NEWEST_VOICE_MAIL = Instant.parse("2025-05-30T14:45:10Z");
    private static final Instant DND_TIMEOUT = Instant.parse("2025-06-02T10:30:00Z");

    private final Random random = new Random(SEED);
    private final FakeState state;
    /** How far every seeded time is moved from the default seeding (whole seconds). */
    private final Duration shift;

    private Seed(FakeState state, Duration shift) {
        this.state = state;
        this.shift = shift;
    }

    /**
     * A new state for the API at {@code apiBase}, seeded with the same history moved in time so that its newest call
     * started at {@code newestCall} (whole seconds): every gap, tie and offset stays as in the default seeding
     * ({@link #NEWEST_CALL}). {@code clock} is the fake's "now" for what happens while it runs.
     */
    public static FakeState company(String apiBase, Instant newestCall, java.time.Clock clock) {
        FakeState state = new FakeState(apiBase, clock);
        Seed seed = new Seed(state, Duration.between(NEWEST_CALL, newestCall.truncatedTo(ChronoUnit.SECONDS)));
        seed.employees();
        seed.groups();
        seed.receptions();
        seed.contacts();
        seed.calls();
        seed.voiceMails();
        seed.announcements();
        seed.feedback();
        return state;
    }

    /**
     * A recording and a smiley for the first answered incoming calls through a reception (Switch): the call carries
     * both, {@code /call_recordings/:id} and {@code /smileys} serve them. Its own random source, so the other seeded
     * data stay as they were.
     */
    private void feedback() {
        Random feedback = new Random(SEED + 1);
        String[] kinds = {"negative", "neutral", "positive"};
        String[] emojis = {"\uD83D\uDC4E", "\uD83E\uDD37", "\uD83D\uDC4D"};
        long recordingId = 700;
        long smileyId = 900;
        for (ObjectNode call : state.calls) {
            if (recordingId >= 712) {
                break;
            }
            if (!"answered".equals(call.path("status").asText())
                    || !call.path("endpoint").asText().startsWith("Reception#")
                    || call.path("ended_at").isNull()
                    || call.path("ended_at").isMissingNode()) {
                continue;
            }
            long id = recordingId++;
            Instant answered = Json.instant(call, "answered_at");
            Instant ended = Json.instant(call, "ended_at");
            long duration = java.time.Duration.between(answered, ended).getSeconds();
            ObjectNode recording = Json.object()
                    .put("id", id)
                    .put("started_at", call.get("answered_at").asText())
                    .put("duration", duration)
                    .put("expired", false)
                    .put("accepted", true);
            ObjectNode sound = recording.putObject("sound");
            sound.putArray("formats").add("audio/mpeg");
            sound.put("url", state.apiBase + "/call_recordings/" + id + "/sound");
            state.recordings.put(id, recording);
            state.recordingSizes.put(id, Sound.sizeFor((int) Math.min(duration, 600)));
            call.set("recording", recording.deepCopy());

            int score = feedback.nextInt(11);
            int kind = score <= 6 ? 0 : score <= 8 ? 1 : 2;
            ObjectNode smiley = Json.object()
                    .put("id", smileyId++)
                    .put("conversation_type", "call")
                    .put("conversation_uuid", call.get("call_uuid").asText())
                    .put("rated_at", Json.timestamp(ended.plusSeconds(300 + feedback.nextInt(3000))))
                    .put("call_uuid", call.get("call_uuid").asText()) // deprecated in the reference, still sent
                    .put("rating", kind == 2 ? 1 : 0)
                    .put("net_promoter_score", score)
                    .put("kind", kinds[kind])
                    .put("emoji", emojis[kind]);
            if (feedback.nextBoolean()) {
                smiley.put("comment", kind == 2 ? "Very nice people." : "I waited too long.");
            } else {
                smiley.putNull("comment");
            }
            smiley.put("number", call.path("from_number").asText());
            smiley.set("contact", call.path("from_contact").deepCopy());
            smiley.put("endpoint", call.get("endpoint").asText());
            smiley.put("sort_value", smiley.get("rated_at").asText()); // "same as rated_at"
            smiley.put(
                    "reception_id", Long.parseLong(call.get("endpoint").asText().substring("Reception#".length())));
            JsonNode answeredBy = call.path("answered_by");
            if (answeredBy.hasNonNull("id")) {
                smiley.put("employee_id", answeredBy.get("id").asLong());
            }
            smiley.set("call_recording", recording.deepCopy());
            state.smileys.add(smiley);
            call.set("smiley", smiley.deepCopy());
        }
        state.smileys.sort(
                (a, b) -> b.get("rated_at").asText().compareTo(a.get("rated_at").asText()));
    }

    private void employees() {
        for (String[] row : EMPLOYEES) {
            long id = Long.parseLong(row[0]);
            boolean dnd = id == 15;
            ObjectNode employee = Json.object()
                    .put("type", "Employee")
                    .put("id", id)
                    .put("name", row[1])
                    .put("number", employeeNumber(id))
                    .put("do_not_disturb", dnd);
            if (dnd) {
                employee.put("dnd_timeout_at", Json.timestamp(DND_TIMEOUT.plus(shift), CEST));
            } else {
                employee.putNull("dnd_timeout_at");
            }
            employee.put("live_presence", dnd ? "do_not_disturb" : id % 3 == 0 ? "busy" : "available");
            if (id == 15) {
                employee.putNull("speed_dial");
            } else {
                employee.putObject("speed_dial").put("digit", id);
            }
            employee.put("has_switch", id != 15);
            if (id == 15) {
                employee.putObject("cloak_reception").put("id", 7);
            } else {
                employee.putNull("cloak_reception");
            }
            employee.putArray("employee_group_ids");
            employee.put("in_trial", false).put("endpoint", "Employee#" + id).put("company_id", 42);
            employee.put("admin", id == CURRENT_EMPLOYEE_ID);
            employee.putArray("features").add("switch").add("sms");
            state.employees.put(id, employee);
        }
        state.currentEmployeeId = CURRENT_EMPLOYEE_ID;
    }

    static String employeeNumber(long id) {
        return "45702010" + String.format("%02d", id);
    }

    private void groups() {
        for (int i = 0; i < GROUPS.length; i++) {
            long id = GROUPS[i][0];
            ObjectNode group = Json.object()
                    .put("type", "EmployeeGroup")
                    .put("id", id)
                    .put("name", GROUP_NAMES[i])
                    .put("live_presence", GROUPS[i].length > 1 ? "available" : "unknown");
            group.putObject("speed_dial").put("digit", id * 100);
            ArrayNode members = group.putArray("employee_ids");
            for (int m = 1; m < GROUPS[i].length; m++) {
                members.add(GROUPS[i][m]);
                ((ArrayNode) state.employee(GROUPS[i][m]).get("employee_group_ids")).add(id);
            }
            group.put("endpoint", "EmployeeGroup#" + id);
            state.groups.put(id, group);
        }
    }

    private void receptions() {
        for (String[] row : RECEPTIONS) {
            long id = Long.parseLong(row[0]);
            ObjectNode reception = Json.object().put("id", id).put("name", row[1]);
            reception.putObject("phone_number").put("number", row[2]);
            reception.put("endpoint", "Reception#" + id);
            state.receptions.put(id, reception);
        }
    }

    private void contacts() {
        for (int i = 0; i < CONTACTS; i++) {
            long id = 300 + i + i / 4; // holes, as a real company has after deleting contacts
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i * 3) % LAST.length];
            ObjectNode contact =
                    Json.object().put("id", id).put("number", externalNumber()).put("name", first + " " + last);
            if (i % 4 == 3) {
                contact.putNull("email");
            } else {
                contact.put(
                        "email",
                        (first + "." + last).toLowerCase(java.util.Locale.ROOT).replace("æ", "ae") + "@example.org");
            }
            ContactsHandler.formatNumber(contact);
            state.contacts.put(id, contact);
        }
        state.nextContactId = 300 + CONTACTS + CONTACTS / 4;
    }

    private String externalNumber() {
        return "45" + (20000000 + random.nextInt(79999999));
    }

    private ZoneOffset offsetFor(int index) {
        return index % 5 == 1 ? CET : index % 3 == 0 ? CEST : ZoneOffset.UTC;
    }

    private String uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private void calls() {
        List<ObjectNode> contacts = new ArrayList<>(state.contacts.values());
        Instant startedAt = NEWEST_CALL.plus(shift);
        for (int i = 0; i < CALLS; i++) {
            if (i > 0 && !CALL_TIES.contains(i)) {
                startedAt = startedAt.minusSeconds(30 + random.nextInt(3600));
            }
            ZoneOffset offset = offsetFor(i);
            boolean live = i < LIVE_CALLS;
            boolean incoming = random.nextInt(10) < 7;
            long employeeId = Long.parseLong(EMPLOYEES[random.nextInt(EMPLOYEES.length)][0]);
            ObjectNode employee = state.employee(employeeId);
            String[] reception = RECEPTIONS[random.nextInt(RECEPTIONS.length)];
            boolean viaReception = incoming && random.nextBoolean();
            ObjectNode contact = random.nextInt(3) == 0 ? contacts.get(random.nextInt(contacts.size())) : null;
            String external = contact != null ? contact.get("number").asText() : externalNumber();

            String status;
            if (live) {
                status = i == 0 ? "ringing" : "answered";
            } else {
                int roll = random.nextInt(20);
                status = incoming
                        ? (roll < 12 ? "answered" : roll < 16 ? "missed" : roll < 19 ? "voicemail" : "orphaned")
                        : (roll < 14 ? "answered" : "missed");
            }
            Instant ringingAt = startedAt.plusSeconds(1);
            Instant answeredAt = "answered".equals(status) ? startedAt.plusSeconds(2 + random.nextInt(18)) : null;
            Instant endedAt = live
                    ? null
                    : answeredAt != null
                            ? answeredAt.plusSeconds(10 + random.nextInt(900))
                            : startedAt.plusSeconds("voicemail".equals(status) ? 60 : 30);

            String uuid = uuid();
            ObjectNode call = Json.object().put("call_uuid", uuid).put("company_id", 42);
            String endpoint = viaReception ? "Reception#" + reception[0] : "Employee#" + employeeId;
            call.put("endpoint", endpoint)
                    .put(
                            "endpoint_name",
                            viaReception ? reception[1] : employee.get("name").asText());
            String own = viaReception ? reception[2] : employee.get("number").asText();
            call.put("from_number", incoming ? external : own).put("to_number", incoming ? own : external);
            setContact(call, "from_contact", incoming ? contact : null);
            setContact(call, "to_contact", incoming ? null : contact);
            call.put("direction", incoming ? "incoming" : "outgoing");
            ArrayNode nodes = call.putArray("nodes");
            addNodes(nodes, uuid, endpoint, employeeId, startedAt, answeredAt, endedAt, live, offset);
            call.put("started_at", Json.timestamp(startedAt, offset));
            putTime(call, "answered_at", answeredAt, offset);
            if (answeredAt != null) {
                call.putObject("answered_by")
                        .put("id", employeeId)
                        .put("name", employee.get("name").asText())
                        .put("number", employee.get("number").asText());
            } else {
                call.putNull("answered_by");
            }
            putTime(call, "ended_at", endedAt, offset);
            call.put("status", status);
            if (i < 100) {
                call.put("endpoint_type", viaReception ? "Reception" : "Employee");
                call.put("remote_number", external);
                putTime(call, "ringing_at", ringingAt, offset);
                call.put(
                        "talk_duration",
                        answeredAt != null && endedAt != null
                                ? endedAt.getEpochSecond() - answeredAt.getEpochSecond()
                                : 0);
            }
            state.calls.add(call);
            state.callsByUuid.put(uuid, call);
        }
    }

    private void addNodes(
            ArrayNode nodes,
            String callUuid,
            String endpoint,
            long employeeId,
            Instant startedAt,
            @Nullable Instant answeredAt,
            @Nullable Instant endedAt,
            boolean live,
            ZoneOffset offset) {
        if (endpoint.startsWith("Reception")) {
            ObjectNode phase = node(callUuid, endpoint, "phase", live ? "open" : "hungup");
            putTime(phase, "started_at", startedAt, offset);
            phase.putNull("answered_at");
            putTime(phase, "ended_at", endedAt, offset);
            nodes.add(phase);
        }
        ObjectNode leg = node(
                callUuid,
                "Employee#" + employeeId,
                "employee",
                live ? (answeredAt == null ? "ringing" : "answered") : "hungup");
        putTime(leg, "started_at", startedAt.plusSeconds(1), offset);
        putTime(leg, "answered_at", answeredAt, offset);
        putTime(leg, "ended_at", endedAt, offset);
        nodes.add(leg);
    }

    private ObjectNode node(String callUuid, String endpoint, String type, String nodeState) {
        String uuid = uuid();
        ObjectNode node =
                Json.object().put("node_uuid", uuid).put("call_uuid", callUuid).put("endpoint", endpoint);
        node.put("state", nodeState).put("node_type", type);
        state.nodes.put(uuid, node);
        return node;
    }

    private static void putTime(ObjectNode node, String field, @Nullable Instant instant, ZoneOffset offset) {
        if (instant == null) {
            node.putNull(field);
        } else {
            node.put(field, Json.timestamp(instant, offset));
        }
    }

    private static void setContact(ObjectNode call, String field, @Nullable ObjectNode contact) {
        if (contact == null) {
            call.putNull(field);
        } else {
            call.set(field, contact.deepCopy());
        }
    }

    private void voiceMails() {
        List<ObjectNode> contacts = new ArrayList<>(state.contacts.values());
        Instant createdAt = NEWEST_VOICE_MAIL.plus(shift);
        for (int i = 0; i < VOICE_MAILS; i++) {
            if (i > 0 && !VOICE_MAIL_TIES.contains(i)) {
                createdAt = createdAt.minusSeconds(600 + random.nextInt(86400));
            }
            long id = 5040 - i;
            int duration = 5 + random.nextInt(116);
            long employeeId = Long.parseLong(EMPLOYEES[random.nextInt(EMPLOYEES.length)][0]);
            boolean toReception = random.nextInt(4) == 0;
            ObjectNode contact = random.nextInt(3) == 0 ? contacts.get(random.nextInt(contacts.size())) : null;
            ObjectNode voiceMail = Json.object()
                    .put("id", id)
                    .put("created_at", Json.timestamp(createdAt, offsetFor(i)))
                    .put("heard", random.nextBoolean());
            ObjectNode sound = voiceMail.putObject("sound");
            sound.putArray("formats").add("audio/mpeg");
            boolean old = i == VOICE_MAILS - 1;
            sound.put(
                    "url",
                    old
                            ? state.apiBase.replace("https://", "http://").replace("/api/v2", "/api/v1")
                                    + "/voice_mails/" + id + "/sound"
                            : state.apiBase + "/voice_mails/" + id + "/sound");
            voiceMail.put("duration", duration);
            voiceMail.put("from_number", contact != null ? contact.get("number").asText() : externalNumber());
            setContact(voiceMail, "from_contact", contact);
            voiceMail.put(
                    "endpoint_name",
                    toReception
                            ? "Main line"
                            : state.employee(employeeId).get("name").asText());
            voiceMail.put("endpoint", toReception ? "Reception#7" : "Employee#" + employeeId);
            state.voiceMails.add(voiceMail);
            state.soundSizes.put(id, Sound.sizeFor(duration));
        }
        state.nextVoiceMailId = 5041;
    }

    private void announcements() {
        String[][] rows = {
            {"8", "New switchboard view", "<p>The switchboard now shows queue length.</p>"},
            {"9", "Planned maintenance", "<p>Sunday 02:00-04:00 calls may drop.</p>"},
            {"10", "Voice mail to e-mail", "Voice mails can now be sent to <b>e-mail</b>."},
        };
        for (String[] row : rows) {
            long id = Long.parseLong(row[0]);
            ObjectNode announcement =
                    Json.object().put("id", id).put("title", row[1]).put("body", row[2]);
            if (id == 9) {
                announcement.putNull("image_url").putNull("button_title").putNull("button_url");
            } else {
                announcement
                        .put("image_url", "https://example.org/news/" + id + ".png")
                        .put("button_title", "Read more")
                        .put("button_url", "https://example.org/news/" + id);
            }
            state.announcements.put(id, announcement);
        }
    }
}
