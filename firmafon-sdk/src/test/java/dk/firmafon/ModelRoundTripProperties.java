package dk.firmafon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

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
import dk.firmafon.employees.model.EmployeeFeature;
import dk.firmafon.employees.model.EmployeeGroup;
import dk.firmafon.employees.model.LivePresence;
import dk.firmafon.employees.model.Reception;
import dk.firmafon.employees.model.SpeedDial;
import dk.firmafon.voicemails.model.Sound;
import dk.firmafon.voicemails.model.VoiceMail;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random valid models, built through their builders, survive a JSON round trip through the client's mapper. A model
 * generator draws every field from the same randomness source, so QuickTheories shrinks a failing model field by
 * field; the failure prints the seed ({@code -DQT_SEED=<seed>} repeats it).
 */
class ModelRoundTripProperties {
    private static final ObjectMapper MAPPER = FirmafonClient.newObjectMapper();

    @Test
    void everyModelRoundTrips() {
        qt().withExamples(1000).forAll(models()).checkAssert(model -> {
            try {
                String json = MAPPER.writeValueAsString(model);
                assertThat(MAPPER.readValue(json, model.getClass())).as(json).isEqualTo(model);
            } catch (JsonProcessingException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static Gen<Object> models() {
        return Generate.oneOf(
                contacts().map(Object.class::cast),
                announcements().map(Object.class::cast),
                receptions().map(Object.class::cast),
                employeeGroups().map(Object.class::cast),
                employees().map(Object.class::cast),
                callNodes().map(Object.class::cast),
                voiceMails().map(Object.class::cast));
    }

    private static Gen<Contact> contacts() {
        return in -> Contact.builder()
                .id(optional(ids()).generate(in))
                .number(optional(text()).generate(in))
                .name(optional(text()).generate(in))
                .email(optional(text()).generate(in))
                .numberFormatted(optional(text()).generate(in))
                .build();
    }

    private static Gen<Announcement> announcements() {
        return in -> Announcement.builder()
                .id(ids().generate(in))
                .title(optional(text()).generate(in))
                .body(optional(text()).generate(in))
                .imageUrl(optional(text()).generate(in))
                .buttonTitle(optional(text()).generate(in))
                .buttonUrl(optional(text()).generate(in))
                .build();
    }

    private static Gen<Reception> receptions() {
        return in -> {
            Reception.Builder b = Reception.builder()
                    .id(ids().generate(in))
                    .name(optional(text()).generate(in))
                    .phoneNumber(optional(phoneNumbers()).generate(in));
            optional(endpoints()).generate(in).ifPresent(b::endpoint);
            return b.build();
        };
    }

    private static Gen<EmployeeGroup> employeeGroups() {
        return in -> {
            EmployeeGroup.Builder b = EmployeeGroup.builder()
                    .id(ids().generate(in))
                    .name(text().generate(in))
                    .type(optional(text()).generate(in))
                    .livePresence(optional(presences()).generate(in))
                    .speedDial(optional(speedDials()).generate(in))
                    .employeeIds(lists().of(ids()).ofSizeBetween(0, 5).generate(in));
            optional(endpoints()).generate(in).ifPresent(b::endpoint);
            return b.build();
        };
    }

    private static Gen<Employee> employees() {
        return in -> {
            Employee.Builder b = Employee.builder()
                    .id(ids().generate(in))
                    .name(text().generate(in))
                    .type(optional(text()).generate(in))
                    .number(optional(phoneNumbers()).generate(in))
                    .doNotDisturb(Generate.booleans().generate(in))
                    .dndTimeoutAt(optional(timestamps()).generate(in))
                    .livePresence(optional(presences()).generate(in))
                    .speedDial(optional(speedDials()).generate(in))
                    .hasSwitch(optional(Generate.booleans()).generate(in))
                    .cloakReception(optional(receptions()).generate(in))
                    .employeeGroupIds(lists().of(ids()).ofSizeBetween(0, 5).generate(in))
                    .inTrial(optional(Generate.booleans()).generate(in));
            optional(endpoints()).generate(in).ifPresent(b::endpoint);
            return b.companyId(optional(ids()).generate(in))
                    .admin(optional(Generate.booleans()).generate(in))
                    .features(lists().of(openValues().map(EmployeeFeature::of))
                            .ofSizeBetween(0, 4)
                            .generate(in))
                    .numberFormatted(optional(text()).generate(in))
                    .build();
        };
    }

    private static Gen<CallNode> callNodes() {
        return in -> CallNode.builder()
                .nodeUuid(text().generate(in))
                .callUuid(optional(text()).generate(in))
                .endpoint(optional(endpoints()).generate(in))
                .startedAt(optional(timestamps()).generate(in))
                .answeredAt(optional(timestamps()).generate(in))
                .endedAt(optional(timestamps()).generate(in))
                .state(optional(openValues().map(NodeState::of)).generate(in))
                .nodeType(optional(openValues().map(NodeType::of)).generate(in))
                .build();
    }

    private static Gen<VoiceMail> voiceMails() {
        Gen<Sound> sounds = in -> Sound.builder()
                .formats(lists().of(text()).ofSizeBetween(0, 3).generate(in))
                .url(optional(text()).generate(in))
                .build();
        return in -> VoiceMail.builder()
                .id(ids().generate(in))
                .createdAt(timestamps().generate(in))
                .heard(Generate.booleans().generate(in))
                .sound(optional(sounds).generate(in))
                .duration(optional(integers().from(0).upToAndIncluding(Integer.MAX_VALUE))
                        .generate(in))
                .fromNumber(optional(text()).generate(in))
                .fromContact(optional(contacts()).generate(in))
                .endpointName(optional(text()).generate(in))
                .endpoint(optional(endpoints()).generate(in))
                .build();
    }

    private static Gen<String> text() {
        Gen<String> latin = strings().betweenCodePoints(' ', 0xff).ofLengthBetween(0, 30);
        Gen<String> special = Generate.pick(List.of("\u2603", "\u00e6\u00f8\u00e5", "\"", "\\", "\n", "\t"));
        return latin.zip(special, Generate.booleans(), (text, extra, add) -> add ? text + extra : text);
    }

    private static Gen<Long> ids() {
        return longs().between(0, Long.MAX_VALUE);
    }

    private static <T> Gen<Optional<T>> optional(Gen<T> values) {
        return values.toOptionals(70);
    }

    private static Gen<String> openValues() {
        return Generate.oneOf(
                Generate.pick(List.of("answered", "ringing", "hungup", "queue", "voicemail")),
                strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12));
    }

    private static Gen<LivePresence> presences() {
        return Generate.oneOf(
                Generate.pick(List.copyOf(LivePresence.knownValues())),
                openValues().map(LivePresence::of));
    }

    private static Gen<SpeedDial> speedDials() {
        return integers()
                .between(0, 9999)
                .map(digit -> SpeedDial.builder().digit(digit).build());
    }

    private static Gen<PhoneNumber> phoneNumbers() {
        return strings().numericBetween(10_000_000, 999_999_999).map(digits -> PhoneNumber.of("45" + digits));
    }

    private static Gen<Endpoint> endpoints() {
        return Generate.oneOf(
                ids().map(Endpoint::employee), ids().map(Endpoint::reception), ids().map(Endpoint::employeeGroup));
    }

    private static Gen<OffsetDateTime> timestamps() {
        return longs().between(0, 4_102_444_800L)
                .zip(
                        integers().between(-12 * 4, 14 * 4),
                        (second, quarters) -> OffsetDateTime.ofInstant(
                                Instant.ofEpochSecond(second), ZoneOffset.ofTotalSeconds(quarters * 15 * 60)));
    }
}
