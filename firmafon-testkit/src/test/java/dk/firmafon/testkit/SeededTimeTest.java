package dk.firmafon.testkit;

import static dk.firmafon.testkit.Http.body;
import static dk.firmafon.testkit.Http.calls;
import static dk.firmafon.testkit.Http.encode;
import static dk.firmafon.testkit.Http.get;
import static dk.firmafon.testkit.Http.json;
import static dk.firmafon.testkit.Http.startedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seeded history can be moved in time, and the fake's "now" comes from a clock a test controls (#29 item 10). */
class SeededTimeTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Test
    void seededRelativeToNowLetsAQueryForTodayFindCalls() {
        Instant now = Instant.now();
        try (FakeFirmafon fake = FakeFirmafon.builder().seededRelativeToNow().start()) {
            Instant startOfToday = LocalDate.ofInstant(fake.newestCallAt(), COPENHAGEN)
                    .atStartOfDay(COPENHAGEN)
                    .toInstant();

            List<JsonNode> today = calls(fake, "?limit=100&started_at_gt_or_eq=" + encode(startOfToday.toString()));

            assertThat(fake.newestCallAt()).isBetween(now.minusSeconds(1), Instant.now());
            assertThat(today).isNotEmpty();
            assertThat(startedAt(today.get(0))).isEqualTo(fake.newestCallAt());
        }
    }

    @Test
    void theDefaultHistoryIsFixedAndAMovedOneKeepsEveryGapTieAndOffset() {
        Instant moved = Instant.parse("2031-01-15T09:30:00Z");
        try (FakeFirmafon fixed = FakeFirmafon.start();
                FakeFirmafon shifted =
                        FakeFirmafon.builder().newestCallAt(moved).start()) {
            assertThat(fixed.newestCallAt()).isEqualTo(Instant.parse(FakeFirmafon.DEFAULT_NEWEST_CALL));
            assertThat(shifted.newestCallAt()).isEqualTo(moved);
            Duration shift = Duration.between(fixed.newestCallAt(), moved);

            List<JsonNode> before = calls(fixed, "?limit=100");
            List<JsonNode> after = calls(shifted, "?limit=100");
            assertThat(after).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                assertThat(startedAt(after.get(i)))
                        .isEqualTo(startedAt(before.get(i)).plus(shift));
                assertThat(offset(after.get(i))).isEqualTo(offset(before.get(i)));
                assertThat(after.get(i).get("call_uuid"))
                        .isEqualTo(before.get(i).get("call_uuid"));
            }
            Instant oldMail = Instant.parse(body(get(fixed, "/voice_mails"))
                    .at("/voice_mails/0/created_at")
                    .asText());
            assertThat(OffsetDateTime.parse(body(get(shifted, "/voice_mails"))
                                    .at("/voice_mails/0/created_at")
                                    .asText())
                            .toInstant())
                    .isEqualTo(oldMail.plus(shift));

            shifted.reset();
            assertThat(startedAt(calls(shifted, "?limit=1").get(0))).isEqualTo(moved);
        }
    }

    @Test
    void whatHappensWhileTheFakeRunsIsTimedByItsClock() {
        Instant frozen = Instant.parse("2030-03-01T12:00:00Z");
        try (FakeFirmafon fake = FakeFirmafon.builder()
                .clock(Clock.fixed(frozen, ZoneOffset.UTC))
                .seededRelativeToNow()
                .start()) {
            assertThat(fake.newestCallAt()).isEqualTo(frozen);
            String node = body(get(fake, "/call_nodes/live"))
                    .at("/call_nodes/0/node_uuid")
                    .asText();

            JsonNode hungUp = body(json(fake, "POST", "/call_nodes/" + node + "/hangup", ""));

            assertThat(Instant.parse(hungUp.at("/call_node/ended_at").asText())).isEqualTo(frozen);
        }
    }

    @Test
    void badOptionsAreRefusedByName() {
        assertThatThrownBy(() -> FakeFirmafon.builder().clock(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clock");
        assertThatThrownBy(() -> FakeFirmafon.builder().newestCallAt(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newestCallAt");
    }

    private static ZoneOffset offset(JsonNode call) {
        return OffsetDateTime.parse(call.get("started_at").asText()).getOffset();
    }
}
