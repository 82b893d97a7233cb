package dk.firmafon.employees.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsTest {

    @Test
    void gsm7TextTakes160CharactersInOneSegmentThen153PerSegment() {
        assertThat(Sms.segments("a".repeat(160))).isEqualTo(1);
        assertThat(Sms.segments("a".repeat(161))).isEqualTo(2);
        assertThat(Sms.segments("æøå ÆØÅ".repeat(100).substring(0, 306))).isEqualTo(2);
        assertThat(Sms.segments("a".repeat(1530))).isEqualTo(10);
        assertThat(Sms.segments("a".repeat(1531))).isEqualTo(11);
    }

    @Test
    void gsm7ExtensionCharactersCountTwice() {
        assertThat(Sms.segments("€".repeat(80))).isEqualTo(1);
        assertThat(Sms.segments("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void anyCharacterOutsideGsm7MakesTheWholeTextUnicodeAt70Then67() {
        assertThat(Sms.segments("ł".repeat(70))).isEqualTo(1);
        assertThat(Sms.segments("a".repeat(69) + "\uD83D\uDE00"))
                .as("an emoji is two UTF-16 units")
                .isEqualTo(2);
        assertThat(Sms.segments("a".repeat(669) + "ł")).isEqualTo(10);
        assertThat(Sms.segments("a".repeat(670) + "ł")).isEqualTo(11);
    }

    @Test
    void theLimitIsTenSegmentsAndTheMessageNamesBody() {
        assertThat(Sms.bodyProblem("a".repeat(1530))).isNull();
        assertThat(Sms.bodyProblem("a".repeat(1531))).startsWith("body is too long: it needs 11 SMS segments");
        assertThat(Sms.bodyProblem(" \n")).isEqualTo("body must not be null or blank");
        assertThat(Sms.bodyProblem(null)).isEqualTo("body must not be null or blank");
    }
}
