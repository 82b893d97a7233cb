package dk.firmafon.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dk.firmafon.calls.model.Call;
import dk.firmafon.calls.model.CallDirection;
import dk.firmafon.calls.model.CallNode;
import dk.firmafon.calls.model.CallStatus;
import dk.firmafon.calls.model.DialRestriction;
import dk.firmafon.calls.model.NodeState;
import dk.firmafon.calls.model.TransferType;
import dk.firmafon.core.PageCursor;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.error.NotFoundException;
import dk.firmafon.error.ServerErrorException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.test.StepVerifier;

class CallsClientTest extends WireMockCallsTest {
    private static final String CALL_UUID = "6f1c2a3e-8b47-4d0e-9a51-2c7d3e4f5a61";
    private static final String NODE_UUID = "0b9e4c8a-2222-4a2b-8c3d-000000000009";

    @Test
    void pageSendsEveryFilterAsItsQueryParameter() {
        WM.stubFor(get(urlPathEqualTo("/calls")).willReturn(okJson(Fixtures.text("calls.json"))));
        CallQuery query = CallQuery.builder()
                .limit(25)
                .endpoint(Endpoint.reception(7))
                .number(PhoneNumber.of("+45 20 30 40 50"))
                .direction(CallDirection.INCOMING)
                .status(CallStatus.MISSED)
                .startedAtOrBefore(Instant.parse("2025-06-02T12:00:00Z"))
                .startedAtOrAfter(Instant.parse("2025-06-01T00:00:00Z"))
                .endedAtOrBefore(Instant.parse("2025-06-02T13:00:00Z"))
                .endedAtOrAfter(Instant.parse("2025-06-01T00:30:00Z"))
                .build();

        StepVerifier.create(calls.page(query, null))
                .assertNext(page -> assertThat(page.items()).hasSize(3))
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                exactly(1),
                getRequestedFor(urlPathEqualTo("/calls"))
                        .withHeader("Authorization", equalTo(BEARER))
                        .withQueryParam("limit", equalTo("25"))
                        .withQueryParam("endpoint", equalTo("Reception#7"))
                        .withQueryParam("number", equalTo("4520304050"))
                        .withQueryParam("direction", equalTo("incoming"))
                        .withQueryParam("status", equalTo("missed"))
                        .withQueryParam("started_at_lt_or_eq", equalTo("2025-06-02T12:00:00Z"))
                        .withQueryParam("started_at_gt_or_eq", equalTo("2025-06-01T00:00:00Z"))
                        .withQueryParam("ended_at_lt_or_eq", equalTo("2025-06-02T13:00:00Z"))
                        .withQueryParam("ended_at_gt_or_eq", equalTo("2025-06-01T00:30:00Z")));
    }

    @Test
    void listWithDefaultsAsksForPagesOfAHundredWithoutFilters() {
        WM.stubFor(get(urlPathEqualTo("/calls")).willReturn(okJson("{\"calls\": []}")));

        StepVerifier.create(calls.list()).expectComplete().verify(TIMEOUT);

        WM.verify(exactly(1), getRequestedFor(urlPathEqualTo("/calls")).withHeader("Authorization", equalTo(BEARER)));
        assertThat(WM.getAllServeEvents().get(0).getRequest().getUrl()).isEqualTo("/calls?limit=100");
    }

    @Test
    void pageHandsOutACursorThatResumesAtTheOldestCallByInstant() {
        WM.stubFor(get(urlPathEqualTo("/calls"))
                .withQueryParam("started_at_lt_or_eq", absent())
                .willReturn(okJson(Fixtures.text("calls.json"))));
        WM.stubFor(get(urlPathEqualTo("/calls"))
                .withQueryParam("started_at_lt_or_eq", equalTo("2025-06-02T07:30:00Z"))
                .willReturn(okJson("{\"calls\": []}")));
        CallQuery query = CallQuery.builder().limit(3).build();
        // (a server that answered the same three calls again would be ignoring the cursor: HostileServerTest)

        StepVerifier.create(calls.page(query, null).flatMap(first -> calls.page(
                                query,
                                PageCursor.parse(first.next().orElseThrow().asString()))
                        .map(second -> List.of(first, second))))
                .assertNext(pages -> {
                    assertThat(pages.get(0).items()).hasSize(3);
                    // 09:30:00+02:00 is the oldest instant of the page, although 07:59:59Z comes after it
                    assertThat(pages.get(0).next().map(PageCursor::timestamp))
                            .contains(Instant.parse("2025-06-02T07:30:00Z"));
                    assertThat(pages.get(1).items()).isEmpty();
                    assertThat(pages.get(1).next()).isEmpty();
                })
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                exactly(1),
                getRequestedFor(urlPathEqualTo("/calls"))
                        .withQueryParam("started_at_lt_or_eq", equalTo("2025-06-02T07:30:00Z"))
                        .withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void getReadsTheCallUnderItsEnvelope() throws Exception {
        WM.stubFor(get("/calls/" + CALL_UUID).willReturn(okJson(Fixtures.text("call.json"))));
        Call expected = Fixtures.MAPPER.treeToValue(
                Fixtures.MAPPER.readTree(Fixtures.text("call.json")).get("call"), Call.class);

        StepVerifier.create(calls.get(CALL_UUID))
                .expectNext(expected)
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(getRequestedFor(urlPathEqualTo("/calls/" + CALL_UUID)).withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void getPercentEncodesTheUuidAsOnePathSegment() {
        WM.stubFor(get(urlPathEqualTo("/calls/a%2Fb")).willReturn(okJson("{\"call\": {\"call_uuid\": \"a/b\"}}")));

        StepVerifier.create(calls.get("a/b").map(Call::callUuid))
                .expectNext("a/b")
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void getCall404IsNotFoundException() {
        WM.stubFor(get("/calls/unknown")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\": \"failure\", \"message\": \"Not found\"}")));

        StepVerifier.create(calls.get("unknown"))
                .expectError(NotFoundException.class)
                .verify(TIMEOUT);
    }

    @Test
    void liveStreamsTheLiveNodes() {
        WM.stubFor(get("/call_nodes/live")
                .willReturn(okJson("{\"call_nodes\": [" + callNodeJson() + ", "
                        + "{\"node_uuid\": \"n2\", \"state\": \"ringing\", \"node_type\": \"employee\"}]}")));

        StepVerifier.create(calls.live().map(CallNode::nodeUuid))
                .expectNext(NODE_UUID, "n2")
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(getRequestedFor(urlPathEqualTo("/call_nodes/live")).withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void nodeReadsOneNode() {
        WM.stubFor(get("/call_nodes/" + NODE_UUID).willReturn(okJson(Fixtures.text("call_node.json"))));

        StepVerifier.create(calls.node(NODE_UUID))
                .assertNext(node -> {
                    assertThat(node.nodeUuid()).isEqualTo(NODE_UUID);
                    assertThat(node.state()).containsSame(NodeState.ANSWERED);
                })
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(getRequestedFor(urlPathEqualTo("/call_nodes/" + NODE_UUID))
                .withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void transferPostsEndpointAndType() {
        WM.stubFor(post("/call_nodes/" + NODE_UUID + "/transfer").willReturn(okJson("{}")));

        StepVerifier.create(calls.transfer(NODE_UUID, Endpoint.reception(1), TransferType.ATTENDED))
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                exactly(1),
                postRequestedFor(urlPathEqualTo("/call_nodes/" + NODE_UUID + "/transfer"))
                        .withHeader("Authorization", equalTo(BEARER))
                        .withHeader("Content-Type", WireMock.containing("application/json"))
                        .withRequestBody(equalToJson("{\"endpoint\": \"Reception#1\", \"type\": \"attended\"}")));
    }

    @Test
    void cancelTransferPostsToTheNode() {
        WM.stubFor(post("/call_nodes/" + NODE_UUID + "/cancel_transfer")
                .willReturn(aResponse().withStatus(200)));

        StepVerifier.create(calls.cancelTransfer(NODE_UUID)).expectComplete().verify(TIMEOUT);

        WM.verify(
                exactly(1),
                postRequestedFor(urlPathEqualTo("/call_nodes/" + NODE_UUID + "/cancel_transfer"))
                        .withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void hangupPostsToTheNodesHangupPathNotTheDocumentedTypo() {
        WM.stubFor(post("/call_nodes/" + NODE_UUID + "/hangup")
                .willReturn(aResponse().withStatus(200)));

        StepVerifier.create(calls.hangup(NODE_UUID)).expectComplete().verify(TIMEOUT);

        WM.verify(
                exactly(1),
                postRequestedFor(urlPathEqualTo("/call_nodes/" + NODE_UUID + "/hangup"))
                        .withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void dialPostsTheNumberAndOptionsAndEmitsTheAnswer() {
        WM.stubFor(post("/switch/dial").willReturn(okJson("{\"status\": \"ok\"}")));
        DialRequest request = DialRequest.builder()
                .toNumber(PhoneNumber.of("+45 71 99 99 99"))
                .restrictTo(DialRestriction.MOBILE)
                .cloakReceptionId(7L)
                .build();

        StepVerifier.create(calls.dial(request))
                .assertNext(result -> assertThat(
                                result.body().map(body -> body.get("status").asText()))
                        .contains("ok"))
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                exactly(1),
                postRequestedFor(urlPathEqualTo("/switch/dial"))
                        .withHeader("Authorization", equalTo(BEARER))
                        .withRequestBody(
                                equalToJson(
                                        "{\"to_number\": \"4571999999\", \"restrict_to\": \"mobile\", \"cloak_reception_id\": 7}")));
    }

    @Test
    void dialToleratesAnEmptyBody() {
        WM.stubFor(post("/switch/dial").willReturn(aResponse().withStatus(200)));

        StepVerifier.create(calls.dial("0045 71 99 99 99"))
                .assertNext(result -> assertThat(result.body()).isEmpty())
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                exactly(1),
                postRequestedFor(urlPathEqualTo("/switch/dial"))
                        .withRequestBody(equalToJson("{\"to_number\": \"4571999999\"}")));
    }

    static Stream<Arguments> posts() {
        return Stream.of(
                Arguments.of("/call_nodes/n1/transfer", (Function<CallsClient, Publisher<?>>)
                        c -> c.transfer("n1", Endpoint.employee(17), TransferType.DIRECT)),
                Arguments.of("/call_nodes/n1/cancel_transfer", (Function<CallsClient, Publisher<?>>)
                        c -> c.cancelTransfer("n1")),
                Arguments.of("/call_nodes/n1/hangup", (Function<CallsClient, Publisher<?>>) c -> c.hangup("n1")),
                Arguments.of("/switch/dial", (Function<CallsClient, Publisher<?>>) c -> c.dial("4571999999")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("posts")
    void aPostThatFailsWith503IsNotRetried(String path, Function<CallsClient, Publisher<?>> operation) {
        WM.stubFor(post(path).willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")));

        StepVerifier.create(operation.apply(calls))
                .expectError(ServerErrorException.class)
                .verify(TIMEOUT);

        WM.verify(exactly(1), postRequestedFor(urlPathEqualTo(path)));
    }

    static Stream<Arguments> badInput() {
        CallQuery limit0 = CallQuery.builder().limit(0).build();
        CallQuery limit101 = CallQuery.builder().limit(101).build();
        return Stream.of(
                bad("callUuid", c -> c.get(" ")),
                bad("nodeUuid", c -> c.node("")),
                bad("nodeUuid", c -> c.transfer(" ", Endpoint.reception(1), TransferType.ATTENDED)),
                bad("nodeUuid", c -> c.cancelTransfer("\t")),
                bad("nodeUuid", c -> c.hangup(" ")),
                bad("endpoint", c -> c.transfer("n1", null, TransferType.ATTENDED)),
                bad("endpoint", c -> c.transfer("n1", Fixtures.readEndpoint("undefined"), TransferType.ATTENDED)),
                bad("type", c -> c.transfer("n1", Endpoint.reception(1), null)),
                bad("toNumber", c -> c.dial("45 seven one")),
                bad("toNumber", c -> c.dial("")),
                bad("limit", c -> c.list(limit0)),
                bad("limit", c -> c.list(limit101)),
                bad("limit", c -> c.page(limit0, null)),
                bad("limit", c -> c.page(limit101, null)),
                bad(
                        "number",
                        c -> c.list(CallQuery.builder()
                                .number(Fixtures.readPhoneNumber("anonymous"))
                                .build())),
                bad(
                        "endpoint",
                        c -> c.list(CallQuery.builder()
                                .endpoint(Fixtures.readEndpoint("undefined"))
                                .build())),
                bad("query", c -> c.list(null)),
                bad("request", c -> c.dial((DialRequest) null)),
                bad(
                        "cloakReceptionId",
                        c -> c.dial(DialRequest.builder()
                                .toNumber(PhoneNumber.of("4571999999"))
                                .cloakReceptionId(0L)
                                .build())),
                bad("toNumber", c -> c.dial(DialRequest.to(Fixtures.readPhoneNumber("anonymous")))));
    }

    private static Arguments bad(String argument, Function<CallsClient, Publisher<?>> operation) {
        return Arguments.of(argument, operation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAnErrorNamingTheArgumentAndNothingIsSent(
            String argument, Function<CallsClient, Publisher<?>> operation) {
        StepVerifier.create(operation.apply(calls))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith(argument + " "))
                .verify(TIMEOUT);

        assertThat(WM.getAllServeEvents()).isEmpty();
        WM.verify(exactly(0), RequestPatternBuilder.allRequests());
    }

    private static String callNodeJson() {
        return Fixtures.readTree(Fixtures.text("call_node.json"))
                .get("call_node")
                .toString();
    }
}
