package dk.firmafon.examples.minimal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.testkit.FakeFirmafon;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole service from two properties (a token, and the fake's address instead of Firmafon's). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class RecentCallsServiceTest {
    private static final FakeFirmafon FAKE = FakeFirmafon.start();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @DynamicPropertySource
    static void firmafon(DynamicPropertyRegistry registry) {
        registry.add("firmafon.token", FAKE::accessToken);
        registry.add("firmafon.base-uri", () -> FAKE.baseUri().toString());
    }

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @Test
    void theTokenOwnersRecentCallsComeBack() throws Exception {
        String body = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri("/recent-calls?max=3")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        JsonNode calls = new ObjectMapper().readTree(body);
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0).path("uuid").asText()).isNotBlank();
        assertThat(FAKE.journal().last().header("Authorization")).contains("Bearer " + FAKE.accessToken());
        // metrics out of the box: the starter and Actuator alone, no firmafon-micrometer declared (#32)
        io.micrometer.core.instrument.Timer requests =
                meters.find("firmafon.client.requests").tag("uri", "/calls").timer();
        assertThat(requests)
                .as("a firmafon.client.requests timer for GET /calls")
                .isNotNull();
        assertThat(requests.count()).isPositive();
    }
}
