package dk.firmafon.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Time windows as people say them ("today", "last month", a half-open interval) become the API's inclusive,
 * whole-second bounds without the user subtracting a nanosecond (which the API would cut back to the end itself).
 */
class TimeWindowsTest {
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Test
    void aHalfOpenIntervalEndsOneWholeSecondBeforeItsEnd() {
        CallQuery query = CallQuery.builder()
                .startedBetween(Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-06-02T00:00:00Z"))
                .build();
        assertThat(query.startedAtOrAfter()).contains(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(query.startedAtOrBefore()).contains(Instant.parse("2025-06-01T23:59:59Z"));
    }

    @Test
    void fractionsOfASecondNeverWidenTheWindow() {
        CallQuery query = CallQuery.builder()
                .startedBetween(Instant.parse("2025-06-01T10:00:00.250Z"), Instant.parse("2025-06-01T10:00:05.750Z"))
                .build();
        assertThat(query.startedAtOrAfter()).contains(Instant.parse("2025-06-01T10:00:01Z"));
        assertThat(query.startedAtOrBefore()).contains(Instant.parse("2025-06-01T10:00:05Z"));
    }

    @Test
    void aDayInAZoneIsItsOwnLengthAcrossAClockChange() {
        CallQuery query = CallQuery.builder()
                .startedOn(LocalDate.parse("2025-03-30"), COPENHAGEN) // 23 hours: clocks go forward
                .build();
        assertThat(query.startedAtOrAfter()).contains(Instant.parse("2025-03-29T23:00:00Z"));
        assertThat(query.startedAtOrBefore()).contains(Instant.parse("2025-03-30T21:59:59Z"));
    }

    @Test
    void aMonthInAZone() {
        CallQuery query = CallQuery.builder()
                .startedIn(YearMonth.parse("2025-02"), COPENHAGEN)
                .build();
        assertThat(query.startedAtOrAfter()).contains(Instant.parse("2025-01-31T23:00:00Z"));
        assertThat(query.startedAtOrBefore()).contains(Instant.parse("2025-02-28T22:59:59Z"));
    }

    @Test
    void badWindowsNameTheArgument() {
        Instant now = Instant.parse("2025-06-01T10:00:00Z");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CallQuery.builder().startedBetween(now, now))
                .withMessageStartingWith("toExclusive must be after from");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CallQuery.builder().startedBetween(null, now))
                .withMessage("from must not be null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CallQuery.builder().startedOn(LocalDate.now(), null))
                .withMessage("zone must not be null");
    }
}
