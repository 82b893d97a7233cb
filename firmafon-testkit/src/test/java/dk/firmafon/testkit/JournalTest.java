package dk.firmafon.testkit;

import static dk.firmafon.testkit.Http.get;
import static dk.firmafon.testkit.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JournalTest {

    @RegisterExtension
    static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension();

    @Test
    void recordsMethodPathQueryHeadersAndBody(FakeFirmafon fake) {
        get(fake, "/calls?limit=5&direction=incoming");
        json(fake, "POST", "/employees/15/message", "{\"message\":{\"body\":\"hej\"}}");

        RecordedRequest first = fake.journal().requests().get(0);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.path()).isEqualTo("/api/v2/calls");
        assertThat(first.query()).isEqualTo("limit=5&direction=incoming");
        assertThat(first.queryParameter("direction")).hasValue("incoming");
        assertThat(first.header("authorization")).hasValue("Bearer " + fake.accessToken());

        RecordedRequest last = fake.journal().last();
        assertThat(last.method()).isEqualTo("POST");
        assertThat(last.body()).isEqualTo("{\"message\":{\"body\":\"hej\"}}");
        assertThat(last.header("Content-Type")).hasValue("application/json");
    }

    @Test
    void countsByMethodAndPathIncludingFaultedRequests(FakeFirmafon fake) {
        fake.faults().serverError("GET", "/calls", 1, 503);
        get(fake, "/calls");
        get(fake, "/calls.json");
        get(fake, "/calls/some-uuid");
        assertThat(fake.journal().count("GET", "/calls")).isEqualTo(2);
        assertThat(fake.journal().count("GET", "/api/v2/calls")).isEqualTo(2);
        assertThat(fake.journal().count("GET", "/calls/*")).isEqualTo(1);
        assertThat(fake.journal().count("POST", "/calls")).isZero();
        assertThat(fake.journal().count("*", "/**")).isEqualTo(3);
    }

    @Test
    void clearForgetsAndTheResetBetweenTestsStartsEmpty(FakeFirmafon fake) {
        assertThat(fake.journal().requests()).isEmpty();
        get(fake, "/employee");
        fake.journal().clear();
        assertThat(fake.journal().requests()).isEmpty();
    }

    @Test
    void toStringRedactsSecrets(FakeFirmafon fake) {
        get(fake, "/employee?access_token=" + fake.accessToken());
        assertThat(fake.journal().last().toString())
                .doesNotContain(fake.accessToken())
                .contains("access_token=REDACTED");
    }
}
