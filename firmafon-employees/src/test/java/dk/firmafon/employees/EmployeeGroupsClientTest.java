package dk.firmafon.employees;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.employees.model.EmployeeGroup;
import dk.firmafon.employees.model.EmployeeGroupDraft;
import dk.firmafon.error.NotFoundException;
import dk.firmafon.error.ServerErrorException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class EmployeeGroupsClientTest extends WireMockClientTest {
    private static final String GROUP =
            Fixtures.json("employee_group.json").get("employee_group").toString();

    private EmployeeGroupsClient groups;

    @BeforeEach
    void create() {
        groups = EmployeeGroupsClient.create(firmafon);
    }

    @Test
    void listEmitsEveryGroup() {
        WM.stubFor(get("/employee_groups")
                .willReturn(
                        json("{\"employee_groups\": [" + GROUP + ", " + GROUP.replace("\"id\":3", "\"id\":4") + "]}")));

        StepVerifier.create(groups.list().map(EmployeeGroup::id))
                .expectNext(3L, 4L)
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(1, authorized(getRequestedFor(urlEqualTo("/employee_groups"))));
    }

    @Test
    void getReadsOneGroup() {
        WM.stubFor(get("/employee_groups/3").willReturn(fixture("employee_group.json")));

        StepVerifier.create(groups.get(3))
                .assertNext(group -> assertThat(group.employeeIds()).containsExactly(12L, 15L))
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(1, authorized(getRequestedFor(urlEqualTo("/employee_groups/3"))));
    }

    @Test
    void getGroup404IsNotFoundException() {
        WM.stubFor(get("/employee_groups/99").willReturn(notFound()));

        StepVerifier.create(groups.get(99))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotFoundException.class))
                .verify(TIMEOUT);
    }

    @Test
    void membersListsTheGroupsEmployees() {
        WM.stubFor(get("/employee_groups/3/employees").willReturn(fixture("employees.json")));

        StepVerifier.create(groups.members(3).mapNotNull(e -> e.name().orElse(null)))
                .expectNext("Jonas Juhl", "Mette Munk")
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(1, authorized(getRequestedFor(urlEqualTo("/employee_groups/3/employees"))));
    }

    @Test
    void membersOfAMissingGroupIsNotFoundException() {
        WM.stubFor(get("/employee_groups/99/employees").willReturn(notFound()));

        StepVerifier.create(groups.members(99))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotFoundException.class))
                .verify(TIMEOUT);
    }

    @Test
    void createPostsTheNameAndMembersAndIsNeverRetried() {
        WM.stubFor(post("/employee_groups").willReturn(fixture("employee_group.json")));

        StepVerifier.create(groups.create(EmployeeGroupDraft.builder()
                                .name(" Support ")
                                .employeeIds(List.of(12L, 15L))
                                .build())
                        .mapNotNull(group -> group.name().orElse(null)))
                .expectNext("Support")
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                1,
                authorized(postRequestedFor(urlEqualTo("/employee_groups")))
                        .withRequestBody(equalToJson(
                                "{\"employee_group\": {\"name\": \"Support\", \"employee_ids\": [12, 15]}}")));
    }

    @Test
    void updatePutsOnlyTheFieldsSet() {
        WM.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put("/employee_groups/3")
                .willReturn(fixture("employee_group.json")));

        StepVerifier.create(groups.update(
                        3,
                        EmployeeGroupDraft.builder().employeeIds(List.of(15L)).build()))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                1,
                authorized(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                                urlEqualTo("/employee_groups/3")))
                        .withRequestBody(equalToJson("{\"employee_group\": {\"employee_ids\": [15]}}")));
    }

    @Test
    void badGroupDraftsAreRefusedNamingTheFieldBeforeAnythingIsSent() {
        StepVerifier.create(groups.create(EmployeeGroupDraft.builder().build()))
                .expectErrorMessage("draft.name is required to create a group")
                .verify(TIMEOUT);
        StepVerifier.create(
                        groups.create(EmployeeGroupDraft.builder().name("  ").build()))
                .expectErrorMessage("draft.name must not be blank when set")
                .verify(TIMEOUT);
        StepVerifier.create(groups.update(
                        3,
                        EmployeeGroupDraft.builder()
                                .employeeIds(List.of(1L, 0L))
                                .build()))
                .expectErrorMessage("draft.employeeIds must hold only positive ids, was [1, 0]")
                .verify(TIMEOUT);
        StepVerifier.create(groups.update(3, EmployeeGroupDraft.builder().build()))
                .expectErrorMessage("draft must set at least one of name, employeeIds")
                .verify(TIMEOUT);
        StepVerifier.create(
                        groups.update(0, EmployeeGroupDraft.builder().name("x").build()))
                .expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        WM.verify(
                0,
                com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void joinPostsAndReturnsTheGroupAsItNowIs() {
        WM.stubFor(post("/employee_groups/3/join").willReturn(fixture("employee_group.json")));

        StepVerifier.create(groups.join(3))
                .assertNext(group -> assertThat(group.name()).contains("Support"))
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(1, authorized(postRequestedFor(urlEqualTo("/employee_groups/3/join"))));
    }

    @Test
    void leavePostsAndReturnsTheGroupAsItNowIs() {
        WM.stubFor(post("/employee_groups/3/leave")
                .willReturn(json("{\"employee_group\": " + GROUP.replace("[12,15]", "[15]") + "}")));

        StepVerifier.create(groups.leave(3))
                .assertNext(group -> assertThat(group.employeeIds()).containsExactly(15L))
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(1, authorized(postRequestedFor(urlEqualTo("/employee_groups/3/leave"))));
    }

    @Test
    void joiningAMissingGroupIsNotFoundException() {
        WM.stubFor(post("/employee_groups/99/join").willReturn(notFound()));

        StepVerifier.create(groups.join(99))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotFoundException.class))
                .verify(TIMEOUT);
    }

    @Test
    void sendMessagePostsTheBodyToTheGroup() {
        WM.stubFor(post("/employee_groups/3/message").willReturn(json("{\"sent\": 1}")));

        StepVerifier.create(groups.sendMessage(3, "Møde kl. 14"))
                .assertNext(result -> assertThat(result.sent()).isTrue())
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                1,
                authorized(postRequestedFor(urlEqualTo("/employee_groups/3/message")))
                        .withRequestBody(equalToJson("{\"message\": {\"body\": \"Møde kl. 14\"}}")));
    }

    @Test
    void aGroupMessageIsNeverRetriedA503YieldsAnErrorAfterExactlyOneRequest() {
        WM.stubFor(post("/employee_groups/3/message")
                .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));

        StepVerifier.create(groups.sendMessage(3, "Hej"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ServerErrorException.class))
                .verify(TIMEOUT);

        WM.verify(1, postRequestedFor(urlEqualTo("/employee_groups/3/message")));
    }

    @Test
    void aBlankOrOverLongGroupMessageIsRefusedNamingBodyAndNothingIsSent() {
        StepVerifier.create(groups.sendMessage(3, ""))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("body must not be null or blank"))
                .verify(TIMEOUT);
        StepVerifier.create(groups.sendMessage(3, "😀".repeat(336)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("body is too long: it needs 11 SMS segments"))
                .verify(TIMEOUT);

        verifyNothingSent();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -3})
    void everyOperationRefusesANonPositiveIdNamingItAndSendsNothing(long id) {
        List<Publisher<?>> calls = List.of(
                groups.get(id), groups.members(id), groups.join(id), groups.leave(id), groups.sendMessage(id, "Hej"));

        for (Publisher<?> call : calls) {
            StepVerifier.create(call)
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("id must be positive, was " + id))
                    .verify(TIMEOUT);
        }
        verifyNothingSent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"join", "leave"})
    void joinAndLeaveAreSafeToRepeatSoA503IsRetriedOnce(String verb) {
        String path = "/employee_groups/3/" + verb;
        WM.stubFor(post(path)
                .inScenario(verb)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        WM.stubFor(post(path)
                .inScenario(verb)
                .whenScenarioStateIs("recovered")
                .willReturn(fixture("employee_group.json")));

        Mono<EmployeeGroup> operation = verb.equals("join") ? groups.join(3) : groups.leave(3);
        StepVerifier.create(operation.map(EmployeeGroup::id))
                .expectNext(3L)
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(2, authorized(postRequestedFor(urlEqualTo(path))));
    }

    @Test
    void joinSendsNoBody() {
        WM.stubFor(post("/employee_groups/3/join").willReturn(fixture("employee_group.json")));

        StepVerifier.create(groups.join(3)).expectNextCount(1).expectComplete().verify(TIMEOUT);

        WM.verify(1, postRequestedFor(urlEqualTo("/employee_groups/3/join")).withRequestBody(absent()));
    }
}
