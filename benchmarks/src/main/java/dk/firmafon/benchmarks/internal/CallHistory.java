package dk.firmafon.benchmarks.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * A call history of any length, newest first, generated on demand: call {@code i} is rendered from a template shaped
 * like {@code shared/fixtures/call.json} (five nodes, a contact, answered_by) with its own uuid and timestamps, so
 * nothing but the template is held. Pairs of calls share a {@code started_at} second, and so does every page
 * boundary of 100 (calls 99 and 100, 199 and 200, ...), which makes a pager drop the repeated boundary call.
 */
public final class CallHistory {
    /** When the newest call started. */
    public static final Instant NEWEST = Instant.parse("2025-06-02T12:00:00Z");

    private static final long STEP_SECONDS = 30;
    private static final String TEMPLATE = "{\"call_uuid\":\"%U\",\"company_id\":42,\"endpoint\":\"Reception#7\","
            + "\"endpoint_name\":\"Main line\",\"from_number\":\"4520304050\",\"to_number\":\"4570201000\","
            + "\"from_contact\":{\"id\":311,\"number\":\"4520304050\",\"name\":\"Ida Iversen\",\"email\":\"ida@example.org\"},"
            + "\"to_contact\":null,\"direction\":\"incoming\",\"nodes\":["
            + "{\"node_uuid\":\"0b9e4c8a-1111-4a2b-8c3d-000000000001\",\"call_uuid\":\"%U\",\"endpoint\":\"Reception#7\","
            + "\"started_at\":null,\"answered_at\":null,\"ended_at\":null,\"state\":\"new\",\"node_type\":\"undefined\"},"
            + "{\"node_uuid\":\"0b9e4c8a-1111-4a2b-8c3d-000000000002\",\"call_uuid\":\"%U\",\"endpoint\":\"undefined\","
            + "\"started_at\":null,\"answered_at\":null,\"ended_at\":null,\"state\":\"open\",\"node_type\":\"phase\"},"
            + "{\"node_uuid\":\"0b9e4c8a-1111-4a2b-8c3d-000000000003\",\"call_uuid\":\"%U\",\"endpoint\":\"Employee#12\","
            + "\"started_at\":\"%S\",\"answered_at\":\"%A\",\"ended_at\":\"%E\",\"state\":\"hungup\",\"node_type\":\"undefined\"},"
            + "{\"node_uuid\":\"0b9e4c8a-1111-4a2b-8c3d-000000000004\",\"call_uuid\":\"%U\",\"endpoint\":\"Employee#15\","
            + "\"started_at\":null,\"answered_at\":null,\"ended_at\":null,\"state\":\"new\",\"node_type\":\"attended_transfer\"},"
            + "{\"node_uuid\":\"0b9e4c8a-1111-4a2b-8c3d-000000000005\",\"call_uuid\":\"%U\",\"endpoint\":\"Employee#15\","
            + "\"started_at\":\"%A\",\"answered_at\":\"%A\",\"ended_at\":\"%E\",\"state\":\"hungup\",\"node_type\":\"employee\"}],"
            + "\"started_at\":\"%S\",\"answered_at\":\"%A\","
            + "\"answered_by\":{\"id\":12,\"name\":\"Jonas Juhl\",\"number\":\"4570201012\"},"
            + "\"ended_at\":\"%E\",\"status\":\"answered\"}";
    private static final byte[][] PARTS;
    private static final char[] MARKERS;

    static {
        String[] pieces = TEMPLATE.split("%[USAE]", -1);
        PARTS = new byte[pieces.length][];
        MARKERS = new char[pieces.length - 1];
        int marker = 0;
        for (int i = 0; i < pieces.length; i++) {
            PARTS[i] = pieces[i].getBytes(StandardCharsets.UTF_8);
        }
        for (int at = TEMPLATE.indexOf('%'); at >= 0; at = TEMPLATE.indexOf('%', at + 1)) {
            MARKERS[marker++] = TEMPLATE.charAt(at + 1);
        }
    }

    private final long size;

    public CallHistory(long size) {
        this.size = size;
    }

    public long size() {
        return size;
    }

    /** The uuid of call {@code index} (0 = newest). */
    public static String uuid(long index) {
        return String.format("a0000000-0000-4000-8000-%012x", index);
    }

    /** When call {@code index} started; calls {@code 2k-1} and {@code 2k} share a second. */
    public static Instant startedAt(long index) {
        return NEWEST.minusSeconds(STEP_SECONDS * ((index + 1) / 2));
    }

    /** The index of the newest call that started at or before {@code bound}. */
    public static long firstAtOrBefore(Instant bound) {
        long behind = NEWEST.getEpochSecond() - bound.getEpochSecond();
        if (behind <= 0) {
            return 0;
        }
        long steps = (behind + STEP_SECONDS - 1) / STEP_SECONDS;
        return 2 * steps - 1;
    }

    /** The index of the oldest call that started at or after {@code bound}; -1 when none did. */
    public static long lastAtOrAfter(Instant bound) {
        long behind = NEWEST.getEpochSecond() - bound.getEpochSecond();
        if (behind < 0) {
            return -1;
        }
        return 2 * (behind / STEP_SECONDS);
    }

    /** {@code {"calls":[...]}} with up to {@code limit} calls from {@code first} on; empty past the end. */
    public byte[] page(long first, int limit) {
        Json out = new Json(limit * 2300 + 16);
        out.ascii("{\"calls\":[");
        long end = Math.min(size, first + Math.max(0, limit));
        for (long i = first; i < end; i++) {
            if (i > first) {
                out.ascii(",");
            }
            writeCall(out, i);
        }
        out.ascii("]}");
        return out.bytes();
    }

    /** {@code {"call":{...}}} for call {@code index}. */
    public byte[] single(long index) {
        Json out = new Json(2400);
        out.ascii("{\"call\":");
        writeCall(out, index);
        out.ascii("}");
        return out.bytes();
    }

    private static void writeCall(Json out, long index) {
        String uuid = uuid(index);
        Instant started = startedAt(index);
        String startedText = DateTimeFormatter.ISO_INSTANT.format(started);
        String answeredText = DateTimeFormatter.ISO_INSTANT.format(started.plusSeconds(5));
        String endedText = DateTimeFormatter.ISO_INSTANT.format(started.plusSeconds(174));
        for (int i = 0; i < MARKERS.length; i++) {
            out.raw(PARTS[i]);
            out.ascii(
                    switch (MARKERS[i]) {
                        case 'U' -> uuid;
                        case 'S' -> startedText;
                        case 'A' -> answeredText;
                        default -> endedText;
                    });
        }
        out.raw(PARTS[PARTS.length - 1]);
    }

    /** A growable byte buffer for ASCII JSON. */
    private static final class Json {
        private byte[] buffer;
        private int length;

        Json(int capacity) {
            buffer = new byte[capacity];
        }

        void raw(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        void ascii(String text) {
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                buffer[length++] = (byte) text.charAt(i);
            }
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer, length);
        }
    }
}
