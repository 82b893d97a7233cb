package dk.firmafon.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.core.FirmafonClient;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4571999999",
                "+45 71 99 99 99",
                "004571999999",
                "0045-71-99-99-99",
                "(45) 71.99.99.99",
                " +4571999999 "
            })
    void normalisesHumanFormsToDigitsWithCountryCode(String text) {
        assertThat(PhoneNumber.of(text).digits()).isEqualTo("4571999999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"45 71 AB 99 99", "4571999999x", "+45+71999999", "45#71999999"})
    void rejectsLettersAndStrayCharactersNamingTheArgument(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhoneNumber.of(text))
                .withMessageStartingWith("phoneNumber must contain only digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "+1234567890123456", "00"})
    void rejectsTooFewOrTooManyDigits(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhoneNumber.of(text))
                .withMessageContaining("phoneNumber must have 3 to 15 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsBlank(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhoneNumber.of("toNumber", text))
                .withMessage("toNumber must not be null or blank");
    }

    record Holder(Optional<PhoneNumber> number) {}

    @Test
    void readsJsonLenientlyStringsAsSentNumbersAsDigitsAndObjectsAsAbsent() throws Exception {
        ObjectMapper mapper = FirmafonClient.newObjectMapper();

        assertThat(mapper.readValue("{\"number\":\"4571999999\"}", Holder.class).number())
                .contains(PhoneNumber.of("4571999999"));
        assertThat(mapper.readValue("{\"number\":4571999999}", Holder.class).number())
                .contains(PhoneNumber.of("4571999999"));
        assertThat(mapper.readValue("{\"number\":\"anonymous\"}", Holder.class)
                        .number()
                        .map(PhoneNumber::digits))
                .contains("anonymous");
        assertThat(mapper.readValue("{\"number\":{\"digits\":[1]}}", Holder.class)
                        .number())
                .isEmpty();
        assertThat(mapper.readValue("{\"number\":null}", Holder.class).number()).isEmpty();
        assertThat(mapper.writeValueAsString(new Holder(Optional.of(PhoneNumber.of("+45 71 99 99 99")))))
                .isEqualTo("{\"number\":\"4571999999\"}");
    }
}
