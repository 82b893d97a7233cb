package dk.firmafon.voicemails.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.testsupport.Fixtures;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceMailJsonTest {
    private final ObjectMapper mapper = FirmafonClient.newObjectMapper();

    @Test
    void voiceMailFixtureRoundTripsWithEveryField() throws Exception {
        JsonNode fixture = mapper.readTree(Fixtures.text("voice_mail.json")).get("voice_mail");

        VoiceMail voiceMail = mapper.treeToValue(fixture, VoiceMail.class);
        JsonNode written = mapper.readTree(mapper.writeValueAsString(voiceMail));

        assertThat(voiceMail.id()).isEqualTo(5012L);
        assertThat(voiceMail.createdAt().toInstant())
                .isEqualTo(OffsetDateTime.parse("2025-05-30T16:45:10+02:00").toInstant());
        assertThat(voiceMail.heard()).isFalse();
        assertThat(voiceMail.sound())
                .contains(Sound.builder()
                        .addFormats("audio/mpeg")
                        .url("https://app.firmafon.dk/api/v2/voice_mails/5012/sound")
                        .build());
        assertThat(voiceMail.duration()).contains(37);
        assertThat(voiceMail.fromNumber()).contains("4522446688");
        assertThat(voiceMail.fromContact()).isEmpty();
        assertThat(voiceMail.endpointName()).contains("Jonas Juhl");
        assertThat(voiceMail.endpoint()).contains(Endpoint.employee(12));

        assertThat(mapper.treeToValue(written, VoiceMail.class)).isEqualTo(voiceMail);
        List<String> fields = new ArrayList<>();
        fixture.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).allSatisfy(field -> {
            if (field.equals("created_at")) {
                assertThat(OffsetDateTime.parse(written.get(field).asText()).toInstant())
                        .isEqualTo(OffsetDateTime.parse(fixture.get(field).asText())
                                .toInstant());
            } else {
                assertThat(written.path(field).isMissingNode() ? NullNode.getInstance() : written.get(field))
                        .as(field)
                        .isEqualTo(fixture.get(field));
            }
        });
    }

    @Test
    void voiceMailWithUnknownFieldsOldSoundUrlAndAContactReads() throws Exception {
        VoiceMail voiceMail = mapper.readValue(
                """
                {"id": 17, "created_at": "2014-01-02T08:00:00Z", "heard": true, "transcript": "Hej",
                 "sound": {"formats": ["audio/mpeg", "audio/ogg"], "url": "http://app.firmafon.dk/api/v1/voice_mails/17.mp3",
                           "bytes": 1234},
                 "duration": null, "from_number": null,
                 "from_contact": {"id": 3, "number": "4520304050", "name": "Ida", "email": null, "source": "krak"},
                 "endpoint_name": "Hovednummer", "endpoint": "Reception#1", "endpoint_type": "Reception"}
                """,
                VoiceMail.class);

        assertThat(voiceMail)
                .isEqualTo(VoiceMail.builder()
                        .id(17)
                        .createdAt(OffsetDateTime.parse("2014-01-02T08:00:00Z"))
                        .heard(true)
                        .sound(Sound.builder()
                                .addFormats("audio/mpeg", "audio/ogg")
                                .url("http://app.firmafon.dk/api/v1/voice_mails/17.mp3")
                                .build())
                        .fromContact(Contact.builder()
                                .id(3L)
                                .number("4520304050")
                                .name("Ida")
                                .build())
                        .endpointName("Hovednummer")
                        .endpoint(Endpoint.reception(1))
                        .build());
    }

    @Test
    void aMinimalVoiceMailReadsWithDefaults() throws Exception {
        VoiceMail voiceMail =
                mapper.readValue("{\"id\": 1, \"created_at\": \"2025-05-30T16:45:10+02:00\"}", VoiceMail.class);

        assertThat(voiceMail.heard()).isFalse();
        assertThat(voiceMail.sound()).isEmpty();
        assertThat(voiceMail.endpoint()).isEmpty();
    }
}
