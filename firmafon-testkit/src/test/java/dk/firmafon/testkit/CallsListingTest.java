package dk.firmafon.testkit;

import static dk.firmafon.testkit.Http.body;
import static dk.firmafon.testkit.Http.calls;
import static dk.firmafon.testkit.Http.encode;
import static dk.firmafon.testkit.Http.get;
import static dk.firmafon.testkit.Http.startedAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallsListingTest {

    @RegisterExtension
    static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension();

    @Test
    void limitDefaultsTo30AndIsCappedAt100() {
        FakeFirmafon fake = FAKE.fake();
        assertThat(calls(fake, "")).hasSize(30);
        assertThat(calls(fake, "?limit=7")).hasSize(7);
        assertThat(calls(fake, "?limit=500")).hasSize(100);
    }

    @Test
    void limitThatIsNoPositiveNumberIs422() {
        assertThat(get(FAKE.fake(), "/calls?limit=0").statusCode()).isEqualTo(422);
        assertThat(get(FAKE.fake(), "/calls?limit=many").statusCode()).isEqualTo(422);
    }

    @Test
    void callsComeNewestFirstWithBothZuluAndOffsetTimestamps() {
        List<JsonNode> calls = calls(FAKE.fake(), "?limit=100");
        for (int i = 1; i < calls.size(); i++) {
            assertThat(startedAt(calls.get(i))).isBeforeOrEqualTo(startedAt(calls.get(i - 1)));
        }
        assertThat(calls)
                .extracting(c -> c.get("started_at").asText())
                .anyMatch(t -> t.endsWith("Z"))
                .anyMatch(t -> t.endsWith("+01:00"))
                .anyMatch(t -> t.endsWith("+02:00"));
    }

    @Test
    void theBoundaryOfAPageOf100IsATie() {
        List<JsonNode> first = calls(FAKE.fake(), "?limit=100");
        JsonNode last = first.get(99);
        List<JsonNode> next = calls(
                FAKE.fake(),
                "?limit=100&started_at_lt_or_eq="
                        + encode(last.get("started_at").asText()));
        // inclusive: the page repeats the boundary call and every call started in the same second
        assertThat(next.get(0).get("call_uuid")).isEqualTo(last.get("call_uuid"));
        assertThat(startedAt(next.get(1))).isEqualTo(startedAt(last));
        assertThat(startedAt(next.get(2))).isEqualTo(startedAt(last));
    }

    @Test
    void inclusiveCursorPagingVisitsEverySeededCallOnce() {
        FakeFirmafon fake = FAKE.fake();
        Set<String> seen = new LinkedHashSet<>();
        String cursor = null;
        for (int page = 0; page < 20; page++) {
            List<JsonNode> calls =
                    calls(fake, "?limit=100" + (cursor == null ? "" : "&started_at_lt_or_eq=" + encode(cursor)));
            boolean anyNew = false;
            for (JsonNode call : calls) {
                anyNew |= seen.add(call.get("call_uuid").asText());
            }
            if (!anyNew) {
                break;
            }
            cursor = calls.get(calls.size() - 1).get("started_at").asText();
        }
        assertThat(seen).hasSize(FakeFirmafon.SEEDED_CALLS);
    }

    @Test
    void cursorAcceptsAnyOffsetForTheSameInstant() {
        JsonNode boundary = calls(FAKE.fake(), "?limit=50").get(49);
        Instant at = startedAt(boundary);
        String asPlus2 =
                OffsetDateTime.ofInstant(at, java.time.ZoneOffset.ofHours(2)).toString();
        assertThat(calls(FAKE.fake(), "?limit=1&started_at_lt_or_eq=" + encode(asPlus2))
                        .get(0)
                        .get("call_uuid"))
                .isEqualTo(boundary.get("call_uuid"));
    }

    @Test
    void greaterOrEqualBoundIsInclusiveToo() {
        List<JsonNode> newest = calls(FAKE.fake(), "?limit=10");
        String bound = newest.get(9).get("started_at").asText();
        assertThat(calls(FAKE.fake(), "?limit=100&started_at_gt_or_eq=" + encode(bound)))
                .hasSize(10);
    }

    @Test
    void filtersByDirectionStatusEndpointAndNumber() {
        FakeFirmafon fake = FAKE.fake();
        assertThat(calls(fake, "?limit=100&direction=outgoing"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("direction").asText()).isEqualTo("outgoing"));
        assertThat(calls(fake, "?limit=100&status=missed"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("missed"));
        assertThat(calls(fake, "?limit=100&endpoint=" + encode("Reception#7")))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("endpoint").asText()).isEqualTo("Reception#7"));
        String number = calls(fake, "?limit=1").get(0).get("from_number").asText();
        assertThat(calls(fake, "?limit=100&number=" + number)).isNotEmpty().allSatisfy(c -> assertThat(List.of(
                        c.get("from_number").asText(), c.get("to_number").asText()))
                .contains(number));
    }

    @Test
    void invalidTimestampIs422() {
        assertThat(get(FAKE.fake(), "/calls?started_at_lt_or_eq=yesterday").statusCode())
                .isEqualTo(422);
    }

    @Test
    void liveCallsHaveLiveNodes() {
        JsonNode live = body(get(FAKE.fake(), "/call_nodes/live")).get("call_nodes");
        assertThat(live).isNotEmpty();
        live.forEach(node -> assertThat(node.get("ended_at").isNull()).isTrue());
    }
}
