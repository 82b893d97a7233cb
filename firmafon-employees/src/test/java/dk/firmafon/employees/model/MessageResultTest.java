package dk.firmafon.employees.model;

import static dk.firmafon.employees.Fixtures.json;
import static dk.firmafon.employees.Fixtures.mapper;
import static dk.firmafon.employees.Fixtures.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageResultTest {

    @Test
    void messageSentFixtureRoundTrips() {
        assertThat(roundTrip(json("message_sent.json"), MessageResult.class).sent())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "1", "2", "\"true\"", "\"1\"", "\"TRUE\""})
    void sentReadsTrueFromABooleanOrANumber(String sent) throws Exception {
        assertThat(mapper().readValue("{\"sent\": " + sent + ", \"id\": 99}", MessageResult.class)
                        .sent())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "0", "\"false\"", "\"0\""})
    void sentReadsFalseFromABooleanOrZero(String sent) throws Exception {
        assertThat(mapper().readValue("{\"sent\": " + sent + "}", MessageResult.class)
                        .sent())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"sent\": null}", "{\"sent\": \"maybe\"}", "{\"sent\": 0.5}", "{\"sent\": []}", "{}"})
    void anythingElseIsADecodingErrorNotAGuess(String json) {
        assertThatThrownBy(() -> mapper().readValue(json, MessageResult.class))
                .isInstanceOf(JsonMappingException.class);
    }
}
