package dk.firmafon.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class OpenValueTest {

    static final class Colour extends OpenValue {
        private static final Known<Colour> KNOWN = new Known<>(Colour::new);
        static final Colour RED = KNOWN.add("red");

        private Colour(String value, boolean known) {
            super(value, known);
        }

        static Colour of(String value) {
            return KNOWN.of("colour", value);
        }
    }

    @Test
    void knownValuesAreSingletonsAndUnknownValuesAreKept() {
        assertThat(Colour.of("red")).isSameAs(Colour.RED);
        assertThat(Colour.RED.isKnown()).isTrue();

        Colour mauve = Colour.of("mauve");
        assertThat(mauve.isKnown()).isFalse();
        assertThat(mauve.value()).isEqualTo("mauve");
        assertThat(mauve).isEqualTo(Colour.of("mauve")).isNotEqualTo(Colour.RED);
    }

    @Test
    void blankIsRejectedNamingTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Colour.of(" "))
                .withMessage("colour must not be null or blank");
    }
}
