package dk.firmafon.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.calls.model.Call;
import dk.firmafon.employees.model.Employee;
import dk.firmafon.net.RetryPolicy;
import dk.firmafon.testkit.FakeFirmafon;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * SDK failures as RFC 9457 problems (#32): a WebFlux controller over real SDK calls to the testkit's fake, with the
 * starter's opt-in advice. Without it each of these was a 500.
 */
class FirmafonProblemDetailsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final FakeFirmafon FAKE = FakeFirmafon.start();
    private static final Firmafon FIRMAFON = firmafon(Duration.ofSeconds(10));

    /** A client without retries (each fault shows at once), answers awaited for {@code responseTimeout}. */
    private static Firmafon firmafon(Duration responseTimeout) {
        return Firmafon.builder()
                .baseUri(FAKE.baseUri())
                .auth(AuthStrategy.bearer(FAKE.accessToken()))
                .client(client -> client.retryPolicy(RetryPolicy.none()).responseTimeout(responseTimeout))
                .build();
    }

    @RestController
    static class Controller {
        private final Firmafon firmafon;

        Controller(Firmafon firmafon) {
            this.firmafon = firmafon;
        }

        @GetMapping("/employees/{id}")
        Mono<Employee> employee(@PathVariable("id") long id) {
            return firmafon.employees().get(id);
        }

        @GetMapping("/calls/{uuid}")
        Mono<Call> call(@PathVariable("uuid") String uuid) {
            return firmafon.calls().get(uuid.equals("blank") ? " " : uuid);
        }

        @GetMapping("/timeout")
        Mono<String> timeout() {
            return Mono.error(new dk.firmafon.error.FirmafonIoException(
                    "no answer", null, dk.firmafon.error.FirmafonIoException.Kind.RESPONSE_TIMEOUT, true));
        }

        @GetMapping("/closed")
        Mono<String> closed() {
            return Mono.error(new dk.firmafon.error.FirmafonClosedException("closed", false));
        }

        @GetMapping("/own-bug")
        Mono<String> ownBug() {
            return Mono.error(new IllegalArgumentException("the application's own bug"));
        }
    }

    @AfterAll
    static void stop() {
        FIRMAFON.close();
        FAKE.close();
    }

    private final WebTestClient web = web(FIRMAFON);

    private static WebTestClient web(Firmafon firmafon) {
        return WebTestClient.bindToController(new Controller(firmafon))
                .controllerAdvice(new FirmafonProblemDetails())
                .configureClient()
                .responseTimeout(WAIT)
                .build();
    }

    private JsonNode problem(String path, int status) throws Exception {
        return problem(web, path, status);
    }

    private static JsonNode problem(WebTestClient web, String path, int status) throws Exception {
        byte[] body = web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .returnResult()
                .getResponseBody();
        return new ObjectMapper().readTree(body);
    }

    @Test
    void notFoundIsA404ProblemWithoutTheSdksMessageOrTheFirmafonUri() throws Exception {
        JsonNode problem = problem("/employees/99999", 404);
        assertThat(problem.path("title").asText()).isEqualTo("Not found at Firmafon");
        assertThat(problem.path("firmafonStatus").asInt()).isEqualTo(404);
        // the instance is the application's own request path, which its caller sent; nothing of the SDK's message
        // ("nothing at employees/99999") or of the Firmafon URI
        assertThat(problem.path("instance").asText()).isEqualTo("/employees/99999");
        assertThat(problem.toString())
                .doesNotContain("nothing at")
                .doesNotContain("/api/v2")
                .doesNotContain(FAKE.baseUri().toString());
    }

    @Test
    void anArgumentTheSdkRefusedIsA400NamingTheArgumentOnly() throws Exception {
        JsonNode problem = problem("/calls/blank", 400);
        assertThat(problem.path("argument").asText()).isEqualTo("callUuid");
        assertThat(FAKE.journal().count("GET", "/calls/ ")).isZero();
    }

    @Test
    void rateLimitingIsA429WithRetryAfterAndAnOutageA502() throws Exception {
        FAKE.faults().tooManyRequests("GET", "/employees/12", 1, Duration.ofSeconds(7));
        web.get()
                .uri("/employees/12")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("Retry-After", "7");
        FAKE.faults().serverError("GET", "/employees/12", 1, 503);
        assertThat(problem("/employees/12", 502).path("firmafonStatus").asInt()).isEqualTo(503);
    }

    @Test
    void aTimeoutIsA504AndAShutdownA503() throws Exception {
        assertThat(problem("/timeout", 504).path("title").asText()).isEqualTo("Firmafon did not answer in time");
        assertThat(problem("/closed", 503).path("title").asText()).isEqualTo("Shutting down");
    }

    @Test
    void theApplicationsOwnIllegalArgumentIsLeftAlone() {
        web.get().uri("/own-bug").exchange().expectStatus().is5xxServerError();
    }

    @Test
    void theAdviceIsOptIn() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FirmafonProblemDetailsAutoConfiguration.class));
        runner.run(context -> assertThat(context).doesNotHaveBean(FirmafonProblemDetails.class));
        runner.withPropertyValues("firmafon.web.problem-details.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(FirmafonProblemDetails.class));
    }
}
