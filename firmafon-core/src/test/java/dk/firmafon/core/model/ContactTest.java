package dk.firmafon.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import org.junit.jupiter.api.Test;

class ContactTest {
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void readsAContactIgnoringUnknownFieldsAndRoundTrips() throws Exception {
        Contact contact = mapper.readValue(
                "{\"id\":7,\"number\":\"4571999999\",\"name\":\"Kim\",\"email\":null,\"new_field\":1}", Contact.class);

        assertThat(contact)
                .isEqualTo(Contact.builder()
                        .id(7L)
                        .number("4571999999")
                        .name("Kim")
                        .build());
        assertThat(mapper.readValue(mapper.writeValueAsString(contact), Contact.class))
                .isEqualTo(contact);
    }
}
