package dk.firmafon.calls.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.calls.Fixtures;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.model.Endpoint;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallJsonTest {
    private final ObjectMapper mapper = Fixtures.MAPPER;

    @Test
    void callFixtureRoundTripsWithEveryField() throws Exception {
        JsonNode fixture = mapper.readTree(Fixtures.text("call.json")).get("call");

        Call call = mapper.treeToValue(fixture, Call.class);

        assertThat(roundTrip(call, Call.class)).isEqualTo(call);
        assertCarriesEveryField(fixture, mapper.valueToTree(call));
    }

    @Test
    void callFixtureReadsIntoTypedValues() throws Exception {
        Call call =
                mapper.treeToValue(mapper.readTree(Fixtures.text("call.json")).get("call"), Call.class);

        assertThat(call.callUuid()).isEqualTo("6f1c2a3e-8b47-4d0e-9a51-2c7d3e4f5a61");
        assertThat(call.companyId()).contains(42L);
        assertThat(call.endpoint()).contains(Endpoint.reception(7));
        assertThat(call.fromNumber().map(n -> n.digits())).contains("4520304050");
        assertThat(call.fromContact())
                .contains(Contact.builder()
                        .id(311L)
                        .number("4520304050")
                        .name("Ida Iversen")
                        .email("ida@example.org")
                        .build());
        assertThat(call.toContact()).isEmpty();
        assertThat(call.direction()).containsSame(CallDirection.INCOMING);
        assertThat(call.status()).containsSame(CallStatus.ANSWERED);
        assertThat(call.answeredBy().flatMap(AnsweredBy::name)).contains("Jonas Juhl");
        assertThat(call.startedAt()).contains(OffsetDateTime.parse("2025-06-02T08:15:01Z"));
        assertThat(call.nodes()).hasSize(5);
        CallNode undefinedEndpoint = call.nodes().get(1);
        assertThat(undefinedEndpoint.endpoint().map(Endpoint::isWellFormed)).contains(false);
        assertThat(undefinedEndpoint.nodeType()).containsSame(NodeType.PHASE);
        assertThat(undefinedEndpoint.state()).containsSame(NodeState.OPEN);
        assertThat(call.nodes().get(3).nodeType()).containsSame(NodeType.ATTENDED_TRANSFER);
    }

    @Test
    void callsFixtureReadsEveryCallIgnoringTheUnknownField() throws Exception {
        JsonNode fixture = mapper.readTree(Fixtures.text("calls.json")).get("calls");

        List<Call> calls = mapper.readerForListOf(Call.class).readValue(fixture);

        assertThat(calls)
                .extracting(Call::callUuid)
                .containsExactly(
                        "a0000000-0000-4000-8000-000000000003",
                        "a0000000-0000-4000-8000-000000000002",
                        "a0000000-0000-4000-8000-000000000001");
        assertThat(calls.get(0).toContact().flatMap(Contact::email)).isEmpty();
        assertThat(calls.get(0).toContact().flatMap(Contact::name)).contains("Pia Poulsen");
        assertThat(calls.get(1).answeredAt())
                .map(OffsetDateTime::toInstant)
                .contains(OffsetDateTime.parse("2025-06-02T07:30:04Z").toInstant());
        assertThat(calls.get(2).status()).containsSame(CallStatus.VOICEMAIL);
        for (int i = 0; i < calls.size(); i++) {
            assertThat(roundTrip(calls.get(i), Call.class)).isEqualTo(calls.get(i));
            assertCarriesEveryField(
                    withoutField(fixture.get(i), "some_future_field"), mapper.valueToTree(calls.get(i)));
        }
    }

    @Test
    void callNodeFixtureRoundTripsWithEveryField() throws Exception {
        JsonNode fixture = mapper.readTree(Fixtures.text("call_node.json")).get("call_node");

        CallNode node = mapper.treeToValue(fixture, CallNode.class);

        assertThat(node.nodeUuid()).isEqualTo("0b9e4c8a-2222-4a2b-8c3d-000000000009");
        assertThat(node.state()).containsSame(NodeState.ANSWERED);
        assertThat(node.nodeType()).isEmpty();
        assertThat(node.endedAt()).isEmpty();
        assertThat(roundTrip(node, CallNode.class)).isEqualTo(node);
        assertCarriesEveryField(fixture, mapper.valueToTree(node));
    }

    @Test
    void contactFixtureReadsAsACallsContact() throws Exception {
        JsonNode contact = mapper.readTree(Fixtures.text("contact.json")).get("contact");

        Call call = mapper.readValue("{\"call_uuid\": \"c1\", \"from_contact\": " + contact + "}", Call.class);

        assertThat(call.fromContact().flatMap(Contact::id)).contains(311L);
        assertCarriesEveryField(contact, mapper.valueToTree(call).get("from_contact"));
    }

    @Test
    void newerFieldsAreRead() throws Exception {
        Call call = mapper.readValue(
                """
                {"call_uuid": "c1", "endpoint_type": "Reception", "from_number_formatted": "+45 20 30 40 50",
                 "to_number_formatted": "+45 70 20 10 00", "remote_number": "4520304050",
                 "ringing_at": "2025-06-02T10:15:00+02:00", "talk_duration": 94,
                 "recording": {"id": 881, "duration": 95, "expired": false, "accepted": true,
                               "sound": {"formats": ["audio/mpeg"], "url": "https://example.org/r/881"}},
                 "voice_mail": {"id": 5012}}
                """,
                Call.class);

        assertThat(call.endpointType()).contains("Reception");
        assertThat(call.fromNumberFormatted()).contains("+45 20 30 40 50");
        assertThat(call.toNumberFormatted()).contains("+45 70 20 10 00");
        assertThat(call.remoteNumber().map(n -> n.digits())).contains("4520304050");
        assertThat(call.ringingAt().map(OffsetDateTime::toInstant))
                .contains(OffsetDateTime.parse("2025-06-02T08:15:00Z").toInstant());
        assertThat(call.talkDurationSeconds()).contains(94L);
        assertThat(call.talkDuration()).contains(Duration.ofSeconds(94));
        Recording recording = call.recording().orElseThrow();
        assertThat(recording.id()).contains("881");
        assertThat(recording.duration()).contains(Duration.ofSeconds(95));
        assertThat(recording.expired()).contains(false);
        assertThat(recording.accepted()).contains(true);
        assertThat(recording.sound().map(s -> s.get("url").asText())).contains("https://example.org/r/881");
        assertThat(call.voiceMail().map(v -> v.get("id").asLong())).contains(5012L);
        assertThat(roundTrip(call, Call.class)).isEqualTo(call);
    }

    @Test
    void unknownFieldsAndUnknownEnumValuesReadFine() throws Exception {
        Call call = mapper.readValue(
                """
                {"call_uuid": "c1", "direction": "sideways", "status": "brand_new", "hologram": {"x": [1, 2]},
                 "nodes": [{"node_uuid": "n1", "state": "parked", "node_type": "conference", "colour": "blue"}],
                 "recording": {"id": "rec-1", "sound": "https://example.org/r.mp3", "codec": "opus"}}
                """,
                Call.class);

        assertThat(call.direction().map(CallDirection::value)).contains("sideways");
        assertThat(call.direction().map(CallDirection::isKnown)).contains(false);
        assertThat(call.status()).contains(CallStatus.of("brand_new"));
        assertThat(call.status().map(CallStatus::isKnown)).contains(false);
        assertThat(call.nodes().get(0).state().map(NodeState::value)).contains("parked");
        assertThat(call.nodes().get(0).nodeType().map(NodeType::value)).contains("conference");
        assertThat(call.recording().flatMap(Recording::id)).contains("rec-1");
        assertThat(call.recording().flatMap(Recording::sound).map(JsonNode::asText))
                .contains("https://example.org/r.mp3");
        assertThat(mapper.valueToTree(call).get("status").asText()).isEqualTo("brand_new");
    }

    @Test
    void oddNumbersFromTheServerDoNotFailDecoding() throws Exception {
        Call call = mapper.readValue(
                """
                {"call_uuid": "c1", "from_number": "anonymous", "to_number": 4570201000, "remote_number": {"hidden": true},
                 "answered_by": {"id": "12", "name": null, "number": ""}}
                """,
                Call.class);

        assertThat(call.fromNumber().map(n -> n.digits())).contains("anonymous");
        assertThat(call.toNumber().map(n -> n.digits())).contains("4570201000");
        assertThat(call.remoteNumber()).isEmpty();
        assertThat(call.answeredBy().flatMap(AnsweredBy::id)).contains(12L);
    }

    @Test
    void nullsReadAsAbsent() throws Exception {
        Call call = mapper.readValue(
                """
                {"call_uuid": "c1", "nodes": null, "voice_mail": null, "recording": {"sound": null},
                 "answered_by": null, "started_at": null, "direction": null}
                """,
                Call.class);

        assertThat(call.nodes()).isEmpty();
        assertThat(call.voiceMail()).isEmpty();
        assertThat(call.recording().flatMap(Recording::sound)).isEmpty();
        assertThat(call.answeredBy()).isEmpty();
        assertThat(call.startedAt()).isEmpty();
        assertThat(call.direction()).isEmpty();
        assertThat(call)
                .isEqualTo(Call.builder()
                        .callUuid("c1")
                        .recording(Recording.builder().build())
                        .build());
    }

    @Test
    void instantAccessorsGiveTheSameMomentsWhateverOffsetTheServiceSent() throws Exception {
        Call call = mapper.readValue(
                """
                {"call_uuid": "c1", "started_at": "2025-06-02T10:00:00+02:00", "ringing_at": "2025-06-02T08:00:01Z",
                 "answered_at": "2025-06-02T09:00:05+01:00", "ended_at": null,
                 "nodes": [{"node_uuid": "n1", "started_at": "2025-06-02T10:00:00+02:00",
                            "answered_at": "2025-06-02T08:00:05Z"}]}
                """,
                Call.class);

        assertThat(call.startedAtInstant()).contains(java.time.Instant.parse("2025-06-02T08:00:00Z"));
        assertThat(call.ringingAtInstant()).contains(java.time.Instant.parse("2025-06-02T08:00:01Z"));
        assertThat(call.answeredAtInstant()).contains(java.time.Instant.parse("2025-06-02T08:00:05Z"));
        assertThat(call.endedAtInstant()).isEmpty();
        CallNode node = call.nodes().get(0);
        assertThat(node.startedAtInstant()).isEqualTo(call.startedAtInstant());
        assertThat(node.answeredAtInstant()).isEqualTo(call.answeredAtInstant());
        assertThat(node.endedAtInstant()).isEmpty();
        assertThat(mapper.valueToTree(call).has("started_at_instant"))
                .as("the accessors are not written as fields")
                .isFalse();
        assertThat(mapper.valueToTree(call).has("startedAtInstant")).isFalse();
    }

    @Test
    void newestFirstOrdersByInstantNotByText() throws Exception {
        List<Call> calls = mapper.readerForListOf(Call.class)
                .readValue(mapper.readTree(Fixtures.text("calls.json")).get("calls"));
        Call ringing =
                Call.builder().callUuid("a0000000-0000-4000-8000-000000000009").build();

        // 09:30:00+02:00 is 07:30:00Z: earlier than 07:59:59Z although it reads later
        assertThat(calls.stream().sorted(Call.NEWEST_FIRST).map(Call::callUuid))
                .containsExactly(
                        "a0000000-0000-4000-8000-000000000003",
                        "a0000000-0000-4000-8000-000000000001",
                        "a0000000-0000-4000-8000-000000000002");
        assertThat(Call.NEWEST_FIRST.compare(ringing, calls.get(0))).isNegative();
        Call sameInstant = Call.builder()
                .callUuid("a0000000-0000-4000-8000-000000000004")
                .startedAt(OffsetDateTime.parse("2025-06-02T12:00:00+02:00"))
                .build();
        assertThat(sameInstant.startedAt().orElseThrow().toInstant())
                .isEqualTo(calls.get(0).startedAt().orElseThrow().toInstant());
        assertThat(Call.NEWEST_FIRST.compare(calls.get(0), sameInstant)).isNegative();
    }

    @Test
    void openValuesKeepKnownSingletonsAndNameTheFieldWhenBlank() {
        assertThat(CallStatus.of("missed")).isSameAs(CallStatus.MISSED);
        assertThat(NodeState.of("hungup")).isSameAs(NodeState.HUNGUP);
        assertThat(CallStatus.of("orphaned").isKnown()).isTrue();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> CallStatus.of(" "))
                .withMessage("status must not be null or blank");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> NodeType.of(""))
                .withMessage("nodeType must not be null or blank");
    }

    private <T> T roundTrip(T value, Class<T> type) throws Exception {
        return mapper.readValue(mapper.writeValueAsString(value), type);
    }

    private static JsonNode withoutField(JsonNode node, String field) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
        copy.remove(field);
        return copy;
    }

    /**
     * Every field of {@code fixture} is in {@code written} with the same value (timestamps compared by instant); a
     * null field may be left out, as the client's mapper writes no absent values.
     */
    private static void assertCarriesEveryField(JsonNode fixture, JsonNode written) {
        if (fixture.isObject()) {
            for (Map.Entry<String, JsonNode> field : fixture.properties()) {
                if (field.getValue().isNull()) {
                    assertThat(written.path(field.getKey()).isNull()
                                    || written.path(field.getKey()).isMissingNode())
                            .as("field %s absent or null", field.getKey())
                            .isTrue();
                    continue;
                }
                assertThat(written.has(field.getKey()))
                        .as("field %s written", field.getKey())
                        .isTrue();
                assertCarriesEveryField(field.getValue(), written.get(field.getKey()));
            }
        } else if (fixture.isArray()) {
            assertThat(written.size()).isEqualTo(fixture.size());
            for (int i = 0; i < fixture.size(); i++) {
                assertCarriesEveryField(fixture.get(i), written.get(i));
            }
        } else if (fixture.isNumber()) {
            assertThat(written.decimalValue()).isEqualByComparingTo(fixture.decimalValue());
        } else if (timestamp(fixture).isPresent()) {
            assertThat(timestamp(written)).isEqualTo(timestamp(fixture));
        } else {
            assertThat(written).isEqualTo(fixture);
        }
    }

    private static Optional<java.time.Instant> timestamp(JsonNode node) {
        try {
            return node.isTextual()
                    ? Optional.of(OffsetDateTime.parse(node.asText()).toInstant())
                    : Optional.empty();
        } catch (DateTimeParseException notATimestamp) {
            return Optional.empty();
        }
    }
}
