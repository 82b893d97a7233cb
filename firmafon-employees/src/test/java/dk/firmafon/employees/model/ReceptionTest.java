package dk.firmafon.employees.model;

import static dk.firmafon.employees.Fixtures.json;
import static dk.firmafon.employees.Fixtures.mapper;
import static dk.firmafon.employees.Fixtures.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.PhoneNumber;
import org.junit.jupiter.api.Test;

class ReceptionTest {

    @Test
    void receptionFixtureRoundTripsWithEveryField() throws Exception {
        Reception reception = roundTrip(json("reception.json").get("reception"), Reception.class);

        assertThat(reception)
                .isEqualTo(Reception.builder()
                        .id(7)
                        .name("Main line")
                        .phoneNumber(PhoneNumber.of("4570201000"))
                        .endpoint(Endpoint.reception(7))
                        .build());
        assertThat(mapper().valueToTree(reception)
                        .get("phone_number")
                        .get("number")
                        .asText())
                .as("phone_number is written in the API's shape")
                .isEqualTo("4570201000");
    }

    @Test
    void unknownFieldsAndOtherNumberShapesAreReadWithoutError() throws Exception {
        Reception bare =
                mapper().readValue("{\"id\": 8, \"phone_number\": \"4570201001\", \"menu\": [1]}", Reception.class);
        Reception none = mapper().readValue("{\"id\": 9, \"phone_number\": null}", Reception.class);
        Reception extra = mapper().readValue(
                        "{\"id\": 10, \"phone_number\": {\"number\": \"4570201002\", \"formatted\": \"+45 70 20 10 02\"}}",
                        Reception.class);

        assertThat(bare.phoneNumber()).contains(PhoneNumber.of("4570201001"));
        assertThat(bare.name()).isEmpty();
        assertThat(none.phoneNumber()).isEmpty();
        assertThat(extra.phoneNumber()).contains(PhoneNumber.of("4570201002"));
        assertThat(mapper().readValue(mapper().writeValueAsString(none), Reception.class))
                .isEqualTo(none);
    }
}
