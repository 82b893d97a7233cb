package dk.firmafon.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.calls.model.CallDirection;
import dk.firmafon.calls.model.CallStatus;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.employees.model.LivePresence;
import dk.firmafon.events.CallEvent;
import dk.firmafon.events.CallEventName;
import dk.firmafon.events.LiveEvent;
import dk.firmafon.events.PresenceEvent;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live-event models read the reference's own sample payloads (fixtures/call_events.json, presence_events.json)
 * into the SDK's own types: the open values and {@link PhoneNumber} of {@code Call}, {@link LivePresence} of
 * {@code Employee}, and {@link Instant} for times (#30 item 3). A value the service adds later still arrives.
 */
class EventModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<LiveEvent> fixture(String name) throws Exception {
        List<LiveEvent> events = new ArrayList<>();
        try (InputStream in = EventModelsTest.class.getResourceAsStream("/fixtures/" + name)) {
            for (JsonNode message : JSON.readTree(in)) {
                events.add(Events.of("/call2/company/2", LiveEvent.Source.FEED, message));
            }
        }
        return events;
    }

    @Test
    void callEventsOfTheReferenceReadIntoTheSdksTypes() throws Exception {
        List<LiveEvent> events = fixture("call_events.json");
        assertThat(events).allMatch(CallEvent.class::isInstance);
        CallEvent created = (CallEvent) events.get(0);
        CallEvent ringing = (CallEvent) events.get(1);
        CallEvent hangup = (CallEvent) events.get(3);
        CallEvent hidden = (CallEvent) events.get(4);

        assertThat(events)
                .extracting(event -> ((CallEvent) event).name())
                .containsExactly(
                        CallEventName.NEW,
                        CallEventName.RINGING,
                        CallEventName.ANSWER,
                        CallEventName.HANGUP,
                        CallEventName.NEW);
        assertThat(events).allMatch(event -> ((CallEvent) event).isKnown());
        assertThat(created.direction()).containsSame(CallDirection.INCOMING);
        assertThat(created.status()).containsSame(CallStatus.NEW);
        assertThat(created.fromNumber()).contains(PhoneNumber.of("4522334455"));
        assertThat(created.toNumber()).contains(PhoneNumber.of("4571999999"));
        assertThat(created.fromNumberHidden()).contains(false);
        assertThat(created.companyId()).hasValue(2);
        assertThat(created.endpoint()).contains(Endpoint.reception(23));
        assertThat(created.timestamp()).contains(Instant.parse("2016-03-11T06:26:13Z"));
        assertThat(created.rawData().path("switch").asText()).isEqualTo("b15"); // the escape hatch keeps all
        assertThat(ringing.status()).containsSame(CallStatus.RINGING);
        assertThat(ringing.fromNumber()).isEmpty();
        assertThat(hangup.duration()).contains(Duration.ofSeconds(94));
        assertThat(hangup.status()).isEmpty(); // an answered call's hangup leaves it out
        assertThat(hidden.fromNumber()).isEmpty();
        assertThat(hidden.fromNumberHidden()).contains(true);
    }

    @Test
    void newValuesArriveWithIsKnownFalse() throws Exception {
        CallEvent event = (CallEvent) Events.of(
                "/call2/company/2",
                LiveEvent.Source.FEED,
                JSON.readTree("{\"type\":\"call-event\",\"name\":\"call.transferred\",\"data\":{\"direction\":"
                        + "\"sideways\",\"status\":\"parked\",\"duration\":\"-5\",\"from_number\":4571999999}}"));

        assertThat(event.name().value()).isEqualTo("call.transferred");
        assertThat(event.isKnown()).isFalse();
        assertThat(event.direction())
                .hasValueSatisfying(d -> assertThat(d.isKnown()).isFalse());
        assertThat(event.status().map(CallStatus::value)).contains("parked");
        assertThat(event.duration()).isEmpty(); // a negative duration is no duration
        assertThat(event.fromNumber()).contains(PhoneNumber.of("4571999999")); // a JSON number read as its digits
        assertThat(event.timestamp()).isEmpty();
    }

    @Test
    void presenceEventsOfTheReferenceReadIntoTheSdksTypes() throws Exception {
        List<LiveEvent> events = fixture("presence_events.json");
        assertThat(events).allMatch(PresenceEvent.class::isInstance);
        PresenceEvent available = (PresenceEvent) events.get(0);
        PresenceEvent busy = (PresenceEvent) events.get(2);
        PresenceEvent dnd = (PresenceEvent) events.get(3);
        PresenceEvent group = (PresenceEvent) events.get(5);

        assertThat(available.livePresence()).containsSame(LivePresence.AVAILABLE);
        assertThat(available.busySince()).isEmpty();
        assertThat(busy.livePresence()).containsSame(LivePresence.BUSY);
        assertThat(busy.busySince()).contains(Instant.parse("2016-09-27T00:00:00Z"));
        assertThat(dnd.doNotDisturb()).contains(true);
        assertThat(dnd.dndTimeoutAt()).contains(Instant.parse("2016-09-27T00:00:00Z")); // written without seconds
        assertThat(group.endpoint()).contains(Endpoint.employeeGroup(1234));
        assertThat(events)
                .extracting(event -> ((PresenceEvent) event).livePresence().orElseThrow())
                .allSatisfy(presence -> assertThat(presence).isNotNull());
    }
}
