package dk.firmafon.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Every time the feed sends is read one way (core's Lenient.time), and a hostile value is no time, never an exception. */
class LenientTimesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static java.util.Optional<OffsetDateTime> read(String json) throws Exception {
        return dk.firmafon.core.support.Lenient.time(JSON.readTree(json));
    }

    @Test
    void secondsMillisecondsAndTextAreRead() throws Exception {
        assertThat(read("1733480000")).contains(OffsetDateTime.parse("2024-12-06T10:13:20Z"));
        assertThat(read("1733480000123")).contains(OffsetDateTime.parse("2024-12-06T10:13:20.123Z"));
        assertThat(read("\"2026-12-06T10:00:00+01:00\"")).contains(OffsetDateTime.parse("2026-12-06T10:00:00+01:00"));
        assertThat(read("\"2016-09-27T00:00.000Z\"")).contains(OffsetDateTime.parse("2016-09-27T00:00:00Z"));
    }

    @Test
    void hostileValuesAreNoTime() throws Exception {
        for (String hostile : new String[] {
            String.valueOf(Long.MIN_VALUE),
            String.valueOf(Long.MAX_VALUE),
            "-1",
            "123456789012345678901234567890",
            "1.5e300",
            "\"+999999999-12-31T23:59:59Z\"",
            "\"soon\"",
            "\"\"",
            "null",
            "[1]",
            "{}"
        }) {
            assertThat(read(hostile)).as(hostile).isEmpty();
        }
    }
}
