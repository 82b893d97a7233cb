package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.firmafon.testkit.SentMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fake company's data. Not thread-safe by itself: {@link FakeApi} serialises every access under one lock, so the
 * handlers read and change it as plain collections and JSON nodes.
 */
public final class FakeState {

    /** Absolute base URI of the API, for the {@code sound.url} of voice mails. */
    final String apiBase;

    /** Newest first. */
    final List<ObjectNode> calls = new ArrayList<>();

    final Map<String, ObjectNode> callsByUuid = new HashMap<>();
    /** The same node objects as inside the calls' {@code nodes} arrays: changing one changes the call. */
    final Map<String, ObjectNode> nodes = new HashMap<>();

    final Map<Long, ObjectNode> contacts = new TreeMap<>();
    long nextContactId;

    final Map<Long, ObjectNode> employees = new TreeMap<>();
    long currentEmployeeId;
    final Map<Long, ObjectNode> groups = new TreeMap<>();
    final Map<Long, ObjectNode> receptions = new TreeMap<>();

    /** Newest first. */
    final List<ObjectNode> voiceMails = new ArrayList<>();

    final Map<Long, Long> soundSizes = new HashMap<>();
    /** Call recordings by id (sounds sized by {@link #recordingSizes}). */
    final Map<Long, ObjectNode> recordings = new TreeMap<>();

    final Map<Long, Long> recordingSizes = new HashMap<>();
    /** Smileys, newest rating first. */
    final List<ObjectNode> smileys = new ArrayList<>();

    long nextVoiceMailId;

    final Map<Long, ObjectNode> announcements = new TreeMap<>();
    final Set<Long> readAnnouncements = new HashSet<>();

    final List<SentMessage> messages = new ArrayList<>();

    /** The fake's "now", for what happens while it runs (a transfer's new node, a hang-up). */
    final java.time.Clock clock;

    FakeState(String apiBase, java.time.Clock clock) {
        this.apiBase = apiBase;
        this.clock = clock;
    }

    ObjectNode employee(long id) {
        ObjectNode employee = employees.get(id);
        if (employee == null) {
            throw HttpError.notFound();
        }
        return employee;
    }

    ObjectNode group(long id) {
        ObjectNode group = groups.get(id);
        if (group == null) {
            throw HttpError.notFound();
        }
        return group;
    }

    ObjectNode voiceMail(long id) {
        return voiceMails.stream()
                .filter(v -> v.get("id").asLong() == id)
                .findFirst()
                .orElseThrow(HttpError::notFound);
    }

    /** Adds or removes an employee from a group, keeping both sides ({@code employee_ids}, {@code employee_group_ids}) in step. */
    void membership(long employeeId, long groupId, boolean member) {
        ArrayNode groupIds = (ArrayNode) employee(employeeId).get("employee_group_ids");
        ArrayNode employeeIds = (ArrayNode) group(groupId).get("employee_ids");
        remove(groupIds, groupId);
        remove(employeeIds, employeeId);
        if (member) {
            groupIds.add(groupId);
            employeeIds.add(employeeId);
        }
    }

    private static void remove(ArrayNode ids, long id) {
        for (int i = ids.size() - 1; i >= 0; i--) {
            if (ids.get(i).asLong() == id) {
                ids.remove(i);
            }
        }
    }

    /** Whether an endpoint name ({@code Type#id}) names something of this company. */
    boolean endpointExists(String endpoint) {
        int hash = endpoint.indexOf('#');
        if (hash < 0) {
            return false;
        }
        long id;
        try {
            id = Long.parseLong(endpoint.substring(hash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        return switch (endpoint.substring(0, hash)) {
            case "Employee" -> employees.containsKey(id);
            case "EmployeeGroup" -> groups.containsKey(id);
            case "Reception" -> receptions.containsKey(id);
            default -> false;
        };
    }

    /** Adds the newest voice mail, with a sound of {@code size} bytes; answers its id. */
    public long addVoiceMail(long size) {
        long id = nextVoiceMailId++;
        Instant newest = voiceMails.isEmpty()
                ? Instant.parse("2025-05-30T14:45:10Z")
                : Json.instant(voiceMails.get(0), "created_at");
        ObjectNode voiceMail = Json.object()
                .put("id", id)
                .put("created_at", Json.timestamp(newest.plusSeconds(60)))
                .put("heard", false);
        ObjectNode sound = voiceMail.putObject("sound");
        sound.putArray("formats").add("audio/mpeg");
        sound.put("url", apiBase + "/voice_mails/" + id + "/sound");
        voiceMail
                .put("duration", Math.max(1, size / 16000))
                .put("from_number", "4522446688")
                .putNull("from_contact")
                .put("endpoint_name", employee(currentEmployeeId).get("name").asText())
                .put("endpoint", "Employee#" + currentEmployeeId);
        voiceMails.add(0, voiceMail);
        soundSizes.put(id, size);
        return id;
    }

    /** The size of a voice mail's sound; {@link IllegalArgumentException} for an unknown voice mail. */
    public long soundSize(long voiceMailId) {
        Long size = soundSizes.get(voiceMailId);
        if (size == null) {
            throw new IllegalArgumentException("no voice mail " + voiceMailId);
        }
        return size;
    }

    /** A copy of the messages sent so far, oldest first. */
    public List<SentMessage> messages() {
        return List.copyOf(messages);
    }
}
