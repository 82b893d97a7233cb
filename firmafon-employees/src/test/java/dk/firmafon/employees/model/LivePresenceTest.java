package dk.firmafon.employees.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LivePresenceTest {

    @Test
    void everyDocumentedValueIsKnownIncludingTheServicesOwnUnknown() {
        assertThat(LivePresence.knownValues())
                .extracting(LivePresence::value)
                .containsExactly("available", "ringing", "busy", "do_not_disturb", "unknown");
        assertThat(LivePresence.of("unknown")).isSameAs(LivePresence.UNKNOWN);
        assertThat(LivePresence.UNKNOWN.isKnown()).isTrue();
    }

    @Test
    void aNewValueIsKeptAndMarkedUnknownToTheSdk() {
        LivePresence away = LivePresence.of("away");

        assertThat(away.isKnown()).isFalse();
        assertThat(away.value()).isEqualTo("away");
        assertThat(away).isEqualTo(LivePresence.of("away")).isNotEqualTo(LivePresence.AVAILABLE);
    }

    @Test
    void blankIsRefusedNamingTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LivePresence.of(""))
                .withMessage("livePresence must not be null or blank");
    }
}
