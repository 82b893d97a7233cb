package dk.firmafon.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.model.Contact;
import dk.firmafon.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactJsonTest {
    private final ObjectMapper mapper = FirmafonClient.newObjectMapper();

    @Test
    void contactFixtureRoundTripsWithEveryField() throws Exception {
        JsonNode fixture = mapper.readTree(Fixtures.text("contact.json")).get("contact");

        Contact contact = mapper.treeToValue(fixture, Contact.class);
        JsonNode written = mapper.readTree(mapper.writeValueAsString(contact));

        assertThat(contact)
                .isEqualTo(Contact.builder()
                        .id(311L)
                        .number("4520304050")
                        .name("Ida Iversen")
                        .email("ida@example.org")
                        .build());
        assertThat(mapper.treeToValue(written, Contact.class)).isEqualTo(contact);
        List<String> fields = new ArrayList<>();
        fixture.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).allSatisfy(field -> assertThat(
                        written.path(field).isMissingNode() ? NullNode.getInstance() : written.get(field))
                .as(field)
                .isEqualTo(fixture.get(field)));
    }

    @Test
    void contactWithUnknownFieldsAndNullsReads() throws Exception {
        Contact contact = mapper.readValue(
                "{\"id\":9,\"number\":\"4520304050\",\"name\":null,\"source\":\"lookup\",\"tags\":[1,2],"
                        + "\"address\":{\"city\":\"Aarhus\"}}",
                Contact.class);

        assertThat(contact)
                .isEqualTo(Contact.builder().id(9L).number("4520304050").build());
    }
}
