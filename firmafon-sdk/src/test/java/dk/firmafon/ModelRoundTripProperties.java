package dk.firmafon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.announcements.model.Announcement;
import dk.firmafon.calls.model.CallNode;
import dk.firmafon.calls.model.NodeState;
import dk.firmafon.calls.model.NodeType;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.employees.model.Employee;
import dk.firmafon.employees.model.EmployeeGroup;
import dk.firmafon.employees.model.LivePresence;
import dk.firmafon.employees.model.Reception;
import dk.firmafon.employees.model.SpeedDial;
import dk.firmafon.voicemails.model.Sound;
import dk.firmafon.voicemails.model.VoiceMail;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random valid models, built through their builders, survive a JSON round trip through the client's mapper. */
class ModelRoundTripProperties {
    private static final ObjectMapper MAPPER = FirmafonClient.newObjectMapper();

    @Property(tries = 1000)
    void everyModelRoundTrips(@ForAll("models") Object model) throws JsonProcessingException {
        String json = MAPPER.writeValueAsString(model);
        assertThat(MAPPER.readValue(json, model.getClass())).as(json).isEqualTo(model);
    }

    @Provide
    Arbitrary<Object> models() {
        return Arbitraries.oneOf(contacts(), announcements(), receptions(), employeeGroups(), employees(),
                callNodes(), voiceMails());
    }

    @Provide
    Arbitrary<Contact> contacts() {
        return Builders.withBuilder(Contact::builder)
                .use(optional(ids())).inSetter((b, v) -> b.id(v))
                .use(optional(text())).inSetter((b, v) -> b.number(v))
                .use(optional(text())).inSetter((b, v) -> b.name(v))
                .use(optional(text())).inSetter((b, v) -> b.email(v))
                .build(Contact.Builder::build);
    }

    @Provide
    Arbitrary<Announcement> announcements() {
        return Builders.withBuilder(Announcement::builder)
                .use(ids()).inSetter((b, v) -> b.id(v))
                .use(optional(text())).inSetter((b, v) -> b.title(v))
                .use(optional(text())).inSetter((b, v) -> b.body(v))
                .use(optional(text())).inSetter((b, v) -> b.imageUrl(v))
                .use(optional(text())).inSetter((b, v) -> b.buttonTitle(v))
                .use(optional(text())).inSetter((b, v) -> b.buttonUrl(v))
                .build(Announcement.Builder::build);
    }

    @Provide
    Arbitrary<Reception> receptions() {
        return Builders.withBuilder(Reception::builder)
                .use(ids()).inSetter((b, v) -> b.id(v))
                .use(optional(text())).inSetter((b, v) -> b.name(v))
                .use(optional(phoneNumbers())).inSetter((b, v) -> b.phoneNumber(v))
                .use(optional(endpoints())).inSetter((b, v) -> v.ifPresent(b::endpoint))
                .build(Reception.Builder::build);
    }

    @Provide
    Arbitrary<EmployeeGroup> employeeGroups() {
        return Builders.withBuilder(EmployeeGroup::builder)
                .use(ids()).inSetter((b, v) -> b.id(v))
                .use(text()).inSetter((b, v) -> b.name(v))
                .use(optional(text())).inSetter((b, v) -> b.type(v))
                .use(optional(presences())).inSetter((b, v) -> b.livePresence(v))
                .use(optional(speedDials())).inSetter((b, v) -> b.speedDial(v))
                .use(ids().list().ofMaxSize(5)).inSetter((b, v) -> b.employeeIds(v))
                .use(optional(endpoints())).inSetter((b, v) -> v.ifPresent(b::endpoint))
                .build(EmployeeGroup.Builder::build);
    }

    @Provide
    Arbitrary<Employee> employees() {
        return Builders.withBuilder(Employee::builder)
                .use(ids()).inSetter((b, v) -> b.id(v))
                .use(text()).inSetter((b, v) -> b.name(v))
                .use(optional(text())).inSetter((b, v) -> b.type(v))
                .use(optional(phoneNumbers())).inSetter((b, v) -> b.number(v))
                .use(Arbitraries.of(true, false)).inSetter((b, v) -> b.doNotDisturb(v))
                .use(optional(timestamps())).inSetter((b, v) -> b.dndTimeoutAt(v))
                .use(optional(presences())).inSetter((b, v) -> b.livePresence(v))
                .use(optional(speedDials())).inSetter((b, v) -> b.speedDial(v))
                .use(Arbitraries.of(true, false)).inSetter((b, v) -> b.hasSwitch(v))
                .use(optional(receptions())).inSetter((b, v) -> b.cloakReception(v))
                .use(ids().list().ofMaxSize(5)).inSetter((b, v) -> b.employeeGroupIds(v))
                .use(Arbitraries.of(true, false)).inSetter((b, v) -> b.inTrial(v))
                .use(optional(endpoints())).inSetter((b, v) -> v.ifPresent(b::endpoint))
                .use(optional(ids())).inSetter((b, v) -> b.companyId(v))
                .use(optional(Arbitraries.of(true, false))).inSetter((b, v) -> b.admin(v))
                .use(text().list().ofMaxSize(4)).inSetter((b, v) -> b.features(v))
                .build(Employee.Builder::build);
    }

    @Provide
    Arbitrary<CallNode> callNodes() {
        return Builders.withBuilder(CallNode::builder)
                .use(text()).inSetter((b, v) -> b.nodeUuid(v))
                .use(optional(text())).inSetter((b, v) -> b.callUuid(v))
                .use(optional(endpoints())).inSetter((b, v) -> b.endpoint(v))
                .use(optional(timestamps())).inSetter((b, v) -> b.startedAt(v))
                .use(optional(timestamps())).inSetter((b, v) -> b.answeredAt(v))
                .use(optional(timestamps())).inSetter((b, v) -> b.endedAt(v))
                .use(optional(openValues().map(NodeState::of))).inSetter((b, v) -> b.state(v))
                .use(optional(openValues().map(NodeType::of))).inSetter((b, v) -> b.nodeType(v))
                .build(CallNode.Builder::build);
    }

    @Provide
    Arbitrary<VoiceMail> voiceMails() {
        Arbitrary<Sound> sounds = Builders.withBuilder(Sound::builder)
                .use(text().list().ofMaxSize(3)).inSetter((b, v) -> b.formats(v))
                .use(optional(text())).inSetter((b, v) -> b.url(v))
                .build(Sound.Builder::build);
        return Builders.withBuilder(VoiceMail::builder)
                .use(ids()).inSetter((b, v) -> b.id(v))
                .use(timestamps()).inSetter((b, v) -> b.createdAt(v))
                .use(Arbitraries.of(true, false)).inSetter((b, v) -> b.heard(v))
                .use(optional(sounds)).inSetter((b, v) -> b.sound(v))
                .use(optional(Arbitraries.integers().greaterOrEqual(0))).inSetter((b, v) -> b.duration(v))
                .use(optional(text())).inSetter((b, v) -> b.fromNumber(v))
                .use(optional(contacts())).inSetter((b, v) -> b.fromContact(v))
                .use(optional(text())).inSetter((b, v) -> b.endpointName(v))
                .use(optional(endpoints())).inSetter((b, v) -> b.endpoint(v))
                .build(VoiceMail.Builder::build);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '\u00ff').withChars("\u2603\u00e6\u00f8\u00e5\"\\\n\t")
                .ofMaxLength(30);
    }

    private static Arbitrary<Long> ids() {
        return Arbitraries.longs().greaterOrEqual(0);
    }

    private static <T> Arbitrary<Optional<T>> optional(Arbitrary<T> values) {
        return values.optional(0.7);
    }

    private static Arbitrary<String> openValues() {
        return Arbitraries.oneOf(Arbitraries.of("answered", "ringing", "hungup", "queue", "voicemail"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
    }

    private static Arbitrary<LivePresence> presences() {
        return Arbitraries.oneOf(Arbitraries.of(LivePresence.knownValues()), openValues().map(LivePresence::of));
    }

    private static Arbitrary<SpeedDial> speedDials() {
        return Arbitraries.integers().between(0, 9999).map(digit -> SpeedDial.builder().digit(digit).build());
    }

    private static Arbitrary<PhoneNumber> phoneNumbers() {
        return Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(12).map(digits -> PhoneNumber.of("45" + digits));
    }

    private static Arbitrary<Endpoint> endpoints() {
        return Arbitraries.oneOf(ids().map(Endpoint::employee), ids().map(Endpoint::reception),
                ids().map(Endpoint::employeeGroup));
    }

    private static Arbitrary<OffsetDateTime> timestamps() {
        return Arbitraries.longs().between(0, 4_102_444_800L).flatMap(second -> Arbitraries.integers()
                .between(-12 * 4, 14 * 4).map(quarters -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(second),
                        ZoneOffset.ofTotalSeconds(quarters * 15 * 60))));
    }
}
