package dk.firmafon.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dk.firmafon.testsupport.Secrets;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class StaticAuthValidationTest {
    private static final String TOKEN = Secrets.register(Secrets.Kind.ACCESS_TOKEN, "s3cret-Token");

    static Stream<Arguments> strategies() {
        return Stream.of(
                Arguments.of("bearer", (Function<String, AuthStrategy>) AuthStrategy::bearer),
                Arguments.of("queryParameter", (Function<String, AuthStrategy>) AuthStrategy::queryParameter),
                Arguments.of("basic", (Function<String, AuthStrategy>) AuthStrategy::basic));
    }

    static Stream<Arguments> badTokens() {
        return strategies().flatMap(strategy -> Stream.of(
                        "",
                        "   ",
                        "s3cret with space",
                        "s3cret\ttab",
                        "s3cret\nnewline",
                        "s3cret\u0000nul",
                        "s3cret\u00a0nbsp")
                .map(token -> Arguments.of(strategy.get()[0], strategy.get()[1], token)));
    }

    @ParameterizedTest(name = "{0} rejects a null token")
    @MethodSource("strategies")
    void nullTokenIsRejectedNamingTheField(String name, Function<String, AuthStrategy> strategy) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> strategy.apply(null))
                .withMessage("token must not be null");
    }

    @ParameterizedTest(name = "{0} rejects {2}")
    @MethodSource("badTokens")
    void blankOrWhitespaceOrControlCharacterTokenIsRejectedWithoutEchoingIt(
            String name, Function<String, AuthStrategy> strategy, String token) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> strategy.apply(token))
                .withMessageStartingWith("token must not")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @ParameterizedTest(name = "{0} never prints its token")
    @MethodSource("strategies")
    void toStringAndCredentialNeverShowTheToken(String name, Function<String, AuthStrategy> strategy) {
        AuthStrategy auth = strategy.apply(TOKEN);

        assertThat(auth.toString()).doesNotContain("s3cret");
        StepVerifier.create(auth.credential())
                .assertNext(credential -> assertThat(credential.toString())
                        .doesNotContain("s3cret")
                        .contains("[REDACTED]"))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }
}
