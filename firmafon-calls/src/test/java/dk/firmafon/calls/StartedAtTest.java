package dk.firmafon.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.calls.model.Call;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartedAtTest {
    private static final Instant START = Instant.parse("2025-06-02T12:00:00Z");

    @Test
    void aCallWithStartedAtIsPagedAtItsInstant() {
        StartedAt startedAt = new StartedAt(Optional.of(START));

        assertThat(startedAt.apply(call("a", "2025-06-02T11:00:00+02:00")))
                .isEqualTo(Instant.parse("2025-06-02T09:00:00Z"));
    }

    @Test
    void aCallWithoutStartedAtTakesTheInstantOfTheCallBeforeIt() {
        StartedAt startedAt = new StartedAt(Optional.of(START));
        Call ringing = call("ringing", null);

        startedAt.apply(call("a", "2025-06-02T10:00:00Z"));
        assertThat(startedAt.apply(ringing)).isEqualTo(Instant.parse("2025-06-02T10:00:00Z"));

        startedAt.apply(call("b", "2025-06-02T09:00:00Z"));
        assertThat(startedAt.apply(ringing))
                .as("the same answer when asked again")
                .isEqualTo(Instant.parse("2025-06-02T10:00:00Z"));
    }

    @Test
    void aFirstCallWithoutStartedAtTakesTheStartingBound() {
        assertThat(new StartedAt(Optional.of(START)).apply(call("ringing", null)))
                .isEqualTo(START);
    }

    @Test
    void withoutAStartingBoundAFirstCallWithoutStartedAtLiesAfterNow() {
        assertThat(new StartedAt(Optional.empty()).apply(call("ringing", null))).isAfter(Instant.now());
    }

    private static Call call(String uuid, String startedAt) {
        Call.Builder call = Call.builder();
        call.callUuid(uuid);
        if (startedAt != null) {
            call.startedAt(OffsetDateTime.parse(startedAt));
        }
        return call.build();
    }
}
