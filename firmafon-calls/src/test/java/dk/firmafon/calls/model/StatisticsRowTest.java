package dk.firmafon.calls.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.core.model.Endpoint;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The statistics rows read the property values the reference documents (dev.relatel.dk/api-v2/reference/statistics:
 * {@code "key":"2018-10-01T00:00:00"}, {@code "key":"Employee#1001"}, {@code "period_month":"2018-10-01T00:00:00"},
 * {@code "ivr_key":"1-5"}), in whatever envelope the service uses.
 */
class StatisticsRowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theReferencesPropertiesAreTypedAndEveryFigureIsKept() throws Exception {
        Statistics byMonth = Statistics.of(JSON.readTree("{\"statistics\":[{\"key\":\"2018-10-01T00:00:00\","
                + "\"period_month\":\"2018-10-01T00:00:00\",\"answered\":12,\"average_duration\":93.5}]}"));
        StatisticsRow month = byMonth.rows().get(0);
        assertThat(month.key()).contains("2018-10-01T00:00:00");
        assertThat(month.periodMonth()).contains(LocalDateTime.parse("2018-10-01T00:00:00"));
        assertThat(month.periodWeek()).isEmpty();
        assertThat(month.figures()).containsOnlyKeys("answered", "average_duration");
        assertThat(month.figure("average_duration")).contains(new BigDecimal("93.5"));

        StatisticsRow employee = Statistics.of(JSON.readTree(
                        "[{\"key\":\"Employee#1001\",\"endpoint\":\"Employee#1001\",\"ivr_key\":\"1-5\"}]"))
                .rows()
                .get(0);
        assertThat(employee.endpoint()).contains(Endpoint.employee(1001));
        assertThat(employee.ivrKey()).contains("1-5");
        assertThat(employee.figures()).isEmpty();
    }

    @Test
    void oneTotalAnEmptyAnswerAndOddValuesReadWithoutFailing() throws Exception {
        assertThat(Statistics.of(JSON.readTree("{\"statistics\":{\"answered\":\"4\"}}"))
                        .rows())
                .singleElement()
                .satisfies(row -> assertThat(row.figure("answered")).contains(BigDecimal.valueOf(4)));
        assertThat(Statistics.of(JSON.readTree("{\"statistics\":[]}")).rows()).isEmpty();
        StatisticsRow odd = Statistics.of(JSON.readTree(
                        "[{\"period_hour\":\"not a time\",\"endpoint\":\"undefined\",\"note\":\"text\"}]"))
                .rows()
                .get(0);
        assertThat(odd.periodHour()).isEmpty();
        assertThat(odd.endpoint()).isEmpty();
        assertThat(odd.figures()).isEmpty(); // text is no figure; it stays in raw()
        assertThat(odd.raw().path("note").asText()).isEqualTo("text");
    }
}
