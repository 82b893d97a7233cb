package dk.firmafon.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

    @Test
    void parsesTypeAndIdAndPrintsBackTheSame() {
        Endpoint endpoint = Endpoint.parse("Reception#7");

        assertThat(endpoint.type()).isEqualTo("Reception");
        assertThat(endpoint.id()).contains(7L);
        assertThat(endpoint).hasToString("Reception#7").isEqualTo(Endpoint.reception(7));
        assertThat(Endpoint.employeeGroup(3)).hasToString("EmployeeGroup#3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Reception", "Reception#", "#7", "Reception#seven", "Recep tion#7"})
    void strictParseRejectsMalformedInputNamingTheArgument(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Endpoint.parse(text))
                .withMessageStartingWith("endpoint must be Type#id");
    }

    @Test
    void readsWhatTheApiSendsLenientlyIncludingUndefined() {
        Endpoint undefined = Endpoint.fromJson("undefined");

        assertThat(undefined.isWellFormed()).isFalse();
        assertThat(undefined.id()).isEmpty();
        assertThat(undefined).hasToString("undefined");
    }
}
