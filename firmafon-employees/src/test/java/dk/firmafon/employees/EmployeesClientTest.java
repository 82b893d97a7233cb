package dk.firmafon.employees;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.firmafon.employees.model.Employee;
import dk.firmafon.employees.model.EmployeeUpdate;
import dk.firmafon.employees.model.LivePresence;
import dk.firmafon.error.FirmafonDecodingException;
import dk.firmafon.error.NotFoundException;
import dk.firmafon.error.ServerErrorException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class EmployeesClientTest extends WireMockClientTest {
    private EmployeesClient employees;

    @BeforeEach
    void create() {
        employees = EmployeesClient.create(firmafon);
    }

    @Test
    void meGetsTheAuthenticatedEmployee() {
        WM.stubFor(get("/employee").willReturn(fixture("employee.json")));

        StepVerifier.create(employees.me())
                .assertNext(me -> assertThat(me.name()).contains("Jonas Juhl"))
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(1, authorized(getRequestedFor(urlEqualTo("/employee"))));
    }

    @Test
    void listEmitsEveryColleagueInTheServicesOrder() {
        WM.stubFor(get("/employees").willReturn(fixture("employees.json")));

        StepVerifier.create(employees.list().map(Employee::id))
                .expectNext(12L, 15L)
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(1, authorized(getRequestedFor(urlEqualTo("/employees"))));
    }

    @Test
    void getReadsOneEmployee() {
        WM.stubFor(get("/employees/12").willReturn(fixture("employee.json")));

        StepVerifier.create(employees.get(12))
                .assertNext(employee -> assertThat(employee.livePresence()).contains(LivePresence.AVAILABLE))
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(1, authorized(getRequestedFor(urlEqualTo("/employees/12"))));
    }

    @Test
    void getEmployee404IsNotFoundException() {
        WM.stubFor(get("/employees/99").willReturn(notFound()));

        StepVerifier.create(employees.get(99))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotFoundException.class))
                .verify(TIMEOUT);
    }

    @Test
    void updateSendsOnlyTheFieldsSet() {
        WM.stubFor(put("/employees/12").willReturn(fixture("employee.json")));

        StepVerifier.create(employees.update(
                        12, EmployeeUpdate.builder().doNotDisturb(true).build()))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                1,
                authorized(putRequestedFor(urlEqualTo("/employees/12")))
                        .withHeader("Content-Type", containing("application/json"))
                        .withRequestBody(equalToJson("{\"employee\": {\"do_not_disturb\": true}}")));
    }

    @Test
    void updateMeChangesTheAuthenticatedEmployeeWithTheSameFields() {
        WM.stubFor(put("/employee").willReturn(fixture("employee.json")));

        StepVerifier.create(employees
                        .updateMe(
                                EmployeeUpdate.builder().clearDndTimeoutAt(true).build())
                        .map(employee -> employee.id()))
                .expectNext(12L)
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                1,
                authorized(putRequestedFor(urlEqualTo("/employee")))
                        .withRequestBody(equalToJson("{\"employee\": {\"dnd_timeout_at\": null}}")));
        StepVerifier.create(employees.updateMe(EmployeeUpdate.builder().build()))
                .expectErrorMessage(
                        "update must set at least one of doNotDisturb, dndTimeoutAt, clearDndTimeoutAt, employeeGroupIds")
                .verify(TIMEOUT);
        StepVerifier.create(employees.updateMe(null))
                .expectErrorMessage("update must not be null")
                .verify(TIMEOUT);
        WM.verify(1, putRequestedFor(urlEqualTo("/employee")));
    }

    @Test
    void updateSendsEveryFieldInRailsStyle() {
        WM.stubFor(put("/employees/12").willReturn(fixture("employee.json")));
        EmployeeUpdate update = EmployeeUpdate.builder()
                .doNotDisturb(false)
                .dndTimeoutAt(OffsetDateTime.parse("2025-06-02T17:00:00+02:00"))
                .employeeGroupIds(List.of(3L, 4L))
                .build();

        StepVerifier.create(employees.update(12, update))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                1,
                authorized(putRequestedFor(urlEqualTo("/employees/12")))
                        .withRequestBody(
                                equalToJson(
                                        """
                {"employee": {"do_not_disturb": false, "dnd_timeout_at": "2025-06-02T17:00:00+02:00",
                              "employee_group_ids": [3, 4]}}""")));
    }

    @Test
    void clearingTheDndTimeoutSendsNull() {
        WM.stubFor(put("/employees/12").willReturn(fixture("employee.json")));
        EmployeeUpdate update = EmployeeUpdate.builder()
                .doNotDisturb(true)
                .clearDndTimeoutAt(true)
                .build();

        StepVerifier.create(employees.update(12, update))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                1,
                putRequestedFor(urlEqualTo("/employees/12"))
                        .withRequestBody(
                                equalToJson("{\"employee\": {\"do_not_disturb\": true, \"dnd_timeout_at\": null}}")));
        assertThatThrownBy(() -> EmployeeUpdate.builder()
                        .dndTimeoutAt(OffsetDateTime.parse("2025-06-02T17:00:00+02:00"))
                        .clearDndTimeoutAt(true)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("update sets dndTimeoutAt and clearDndTimeoutAt: choose one");
    }

    @Test
    void anEmptyGroupListIsSentSoTheEmployeeLeavesEveryGroup() {
        WM.stubFor(put("/employees/12").willReturn(fixture("employee.json")));

        StepVerifier.create(employees.update(
                        12, EmployeeUpdate.builder().employeeGroupIds(List.of()).build()))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                1,
                putRequestedFor(urlEqualTo("/employees/12"))
                        .withRequestBody(equalToJson("{\"employee\": {\"employee_group_ids\": []}}")));
    }

    @Test
    void updateWithNothingSetOrNullIsRefusedNamingUpdateAndSendsNothing() {
        StepVerifier.create(employees.update(12, EmployeeUpdate.builder().build()))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("update must set at least one of"))
                .verify(TIMEOUT);
        StepVerifier.create(employees.update(12, null))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("update must not be null"))
                .verify(TIMEOUT);

        verifyNothingSent();
    }

    @Test
    void sendMessagePostsTheBodyAndReadsSent() {
        WM.stubFor(post("/employees/12/message").willReturn(fixture("message_sent.json")));

        StepVerifier.create(employees.sendMessage(12, "Kunden på linje 2 venter"))
                .assertNext(result -> assertThat(result.sent()).isTrue())
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                1,
                authorized(postRequestedFor(urlEqualTo("/employees/12/message")))
                        .withRequestBody(equalToJson("{\"message\": {\"body\": \"Kunden på linje 2 venter\"}}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"sent\": 1}", "{\"sent\": true}", "{\"sent\": \"1\"}"})
    void sentReadsTrueWhetherTheServiceAnswersTrueOrOne(String answer) {
        WM.stubFor(post("/employees/12/message").willReturn(json(answer)));

        StepVerifier.create(employees.sendMessage(12, "Hej"))
                .assertNext(result -> assertThat(result.sent()).isTrue())
                .expectComplete()
                .verify(TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"sent\": 0}", "{\"sent\": false}"})
    void sentFalseOrZeroIsAFalseResultNotAnError(String answer) {
        WM.stubFor(post("/employees/12/message").willReturn(json(answer)));

        StepVerifier.create(employees.sendMessage(12, "Hej"))
                .assertNext(result -> assertThat(result.sent()).isFalse())
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aMessageAnswerWithoutReadableSentIsADecodingError() {
        WM.stubFor(post("/employees/12/message").willReturn(json("{\"status\": \"ok\"}")));

        StepVerifier.create(employees.sendMessage(12, "Hej"))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(FirmafonDecodingException.class)
                        .hasMessageContaining("sent"))
                .verify(TIMEOUT);
    }

    @Test
    void aMessageAnswerWithoutBodyIsADecodingErrorNotAnEmptyResult() {
        WM.stubFor(post("/employees/12/message").willReturn(aResponse().withStatus(200)));

        StepVerifier.create(employees.sendMessage(12, "Hej"))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(FirmafonDecodingException.class)
                        .hasMessageContaining("may have been sent"))
                .verify(TIMEOUT);
    }

    @Test
    void aMessageIsNeverRetriedA503YieldsAnErrorAfterExactlyOneRequest() {
        WM.stubFor(post("/employees/12/message").willReturn(aResponse().withStatus(503)));

        StepVerifier.create(employees.sendMessage(12, "Hej"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ServerErrorException.class))
                .verify(TIMEOUT);

        WM.verify(1, postRequestedFor(urlEqualTo("/employees/12/message")));
    }

    @Test
    void aBlankOrOverLongBodyIsRefusedNamingBodyAndNothingIsSent() {
        StepVerifier.create(employees.sendMessage(12, " "))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("body must not be null or blank"))
                .verify(TIMEOUT);
        StepVerifier.create(employees.sendMessage(12, null))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("body must not be null or blank"))
                .verify(TIMEOUT);
        StepVerifier.create(employees.sendMessage(12, "a".repeat(1531)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("body is too long"))
                .verify(TIMEOUT);

        verifyNothingSent();
    }

    @Test
    void theLongestAllowedBodyIsSent() {
        WM.stubFor(post("/employees/12/message").willReturn(fixture("message_sent.json")));

        StepVerifier.create(employees.sendMessage(12, "a".repeat(1530)))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void everyOperationRefusesANonPositiveIdNamingItAndSendsNothing(long id) {
        List<Mono<?>> calls = List.of(
                employees.get(id),
                employees.update(id, EmployeeUpdate.builder().doNotDisturb(true).build()),
                employees.sendMessage(id, "Hej"));

        for (Mono<?> call : calls) {
            StepVerifier.create(call)
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("id must be positive, was " + id))
                    .verify(TIMEOUT);
        }
        verifyNothingSent();
    }
}
