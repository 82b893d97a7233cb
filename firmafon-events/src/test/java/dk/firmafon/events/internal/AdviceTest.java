package dk.firmafon.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A server's advice is capped: whatever {@code timeout} or {@code interval} it sends, the client waits at most a
 * minute, so a connect that is never answered is noticed within 60 s plus the 15 s request margin.
 */
class AdviceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Bayeux.Advice merged(String advice) throws Exception {
        return Bayeux.Advice.DEFAULT.merge(JSON.readTree(advice));
    }

    @Test
    void aTimeoutOfOneDayIsCappedAtAMinute() throws Exception {
        assertThat(merged("{\"timeout\": 86400000}").timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theLargestNumbersAreCappedNotAnArithmeticError() throws Exception {
        Bayeux.Advice advice = merged("{\"timeout\": " + Long.MAX_VALUE + ", \"interval\": 1e300}");
        assertThat(advice.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(advice.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(advice.timeout().plusSeconds(15)).isLessThan(Duration.ofSeconds(90));
    }

    @Test
    void negativeAndNonNumericValuesDoNotBreakIt() throws Exception {
        Bayeux.Advice advice = merged("{\"timeout\": -5, \"interval\": \"soon\", \"reconnect\": 7}");
        assertThat(advice.timeout()).isEqualTo(Duration.ZERO);
        assertThat(advice.interval()).isEqualTo(Bayeux.Advice.DEFAULT.interval());
        assertThat(advice.reconnect()).isEqualTo("retry");
    }

    @Test
    void anOrdinaryAdviceIsTakenAsItIs() throws Exception {
        Bayeux.Advice advice = merged("{\"timeout\": 45000, \"interval\": 250, \"reconnect\": \"handshake\"}");
        assertThat(advice.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(advice.interval()).isEqualTo(Duration.ofMillis(250));
        assertThat(advice.reconnect()).isEqualTo("handshake");
    }
}
