package dk.firmafon.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class SecretsGuardTest {
    private static final String TOKEN = Secrets.register(Secrets.Kind.ACCESS_TOKEN, "guard-access-41");
    private static final String REFRESH = Secrets.register(Secrets.Kind.REFRESH_TOKEN, "guard-refresh-42");
    private static final Logger LOG = LoggerFactory.getLogger("dk.firmafon.testsupport.Leaky");

    @AfterEach
    void nothingIsLeftForTheClassCheck() {
        assertThat(Evidence.takeFindings()).isEmpty();
    }

    @Test
    void theTestkitDefaultsAndTheModuleFixturesAreRegisteredFromTheStart() {
        assertThat(Secrets.isRegistered("fake-firmafon-access-token-0001")).isTrue();
        assertThat(Secrets.isRegistered("fake-firmafon-client-secret")).isTrue();
        assertThat(Secrets.isRegistered(TestSecrets.TEST_TOKEN)).isTrue();
        assertThat(Secrets.isRegistered(TestSecrets.AUTHORIZATION_CODE)).isTrue();
    }

    @Test
    void aLogLineWithASecretIsFoundAndNamedWithoutTheSecret() {
        LOG.debug("sending Authorization: Bearer {}", TOKEN);

        assertThat(Evidence.takeFindings())
                .singleElement()
                .asString()
                .isEqualTo("an access token was seen in a log line (DEBUG) of logger dk.firmafon.testsupport.Leaky"
                        + " on thread " + Thread.currentThread().getName())
                .doesNotContain(TOKEN);
    }

    @Test
    void aDebugLineOfReactorNettyOrNettyIsScannedToo() {
        LoggerFactory.getLogger("reactor.netty.http.client.HttpClientConnect")
                .debug("Handler is being applied: {uri=http://127.0.0.1/api/v2/calls?access_token={}}", TOKEN);
        LoggerFactory.getLogger("io.netty.handler.logging.LoggingHandler").debug("WRITE: access_token={}", REFRESH);

        assertThat(LoggerFactory.getLogger("reactor.netty.http.client.HttpClientConnect")
                        .isDebugEnabled())
                .isTrue();
        assertThat(Evidence.takeFindings())
                .containsExactlyInAnyOrder(
                        "an access token was seen in a log line (DEBUG) of logger reactor.netty.http.client.HttpClientConnect"
                                + " on thread " + Thread.currentThread().getName(),
                        "a refresh token was seen in a log line (DEBUG) of logger io.netty.handler.logging.LoggingHandler"
                                + " on thread " + Thread.currentThread().getName());
    }

    @Test
    void personalDataIsFoundLikeASecretInAnyLibrarysLine() {
        LoggerFactory.getLogger("reactor.netty.http.client.HttpClientOperations")
                .debug("GET /api/v2/contacts?number={}", TestPersonalData.NUMBER);
        LOG.warn("SMS failed: {} to {}", TestPersonalData.SMS_TEXT, TestPersonalData.EMAIL);

        assertThat(Evidence.takeFindings())
                .containsExactlyInAnyOrder(
                        "a phone number (personal data) (TestPersonalData.NUMBER) was seen in a log line (DEBUG)"
                                + " of logger reactor.netty.http.client.HttpClientOperations on thread "
                                + Thread.currentThread().getName(),
                        "a phone number (personal data) (TestPersonalData.NUMBER without 45) was seen in a log line"
                                + " (DEBUG) of logger reactor.netty.http.client.HttpClientOperations on thread "
                                + Thread.currentThread().getName(),
                        "an SMS text (personal data) (TestPersonalData.SMS_TEXT) was seen in a log line (WARN) of"
                                + " logger dk.firmafon.testsupport.Leaky on thread "
                                + Thread.currentThread().getName(),
                        "an e-mail address (personal data) (TestPersonalData.EMAIL) was seen in a log line (WARN) of"
                                + " logger dk.firmafon.testsupport.Leaky on thread "
                                + Thread.currentThread().getName())
                .allSatisfy(finding -> assertThat(finding).doesNotContain(TestPersonalData.NUMBER));
    }

    @Test
    void aBase64BasicCredentialOfASecretIsFound() {
        String basic = Base64.getEncoder().encodeToString((TOKEN + ":").getBytes(StandardCharsets.UTF_8));
        LOG.info("Authorization: Basic {}", basic);

        assertThat(Evidence.takeFindings())
                .singleElement()
                .asString()
                .startsWith("an access token as a Base64 Basic credential was seen in a log line (INFO)");
    }

    @Test
    void aThrowableLoggedWithASecretInACauseIsFound() {
        LOG.warn("refresh failed", new IllegalStateException("outer", new RuntimeException("token " + REFRESH)));

        assertThat(Evidence.takeFindings())
                .singleElement()
                .asString()
                .startsWith(
                        "a refresh token was seen in a throwable logged at WARN by logger dk.firmafon.testsupport.Leaky "
                                + "(java.lang.IllegalStateException)");
    }

    @Test
    void anErrorThatAStepVerifierConsumesIsSeenThroughTheReactorHook() {
        Mono<String> leaky = Mono.fromCallable(() -> "x")
                .publishOn(Schedulers.parallel())
                .map(x -> {
                    throw new IllegalArgumentException("bad token " + TOKEN);
                });

        StepVerifier.create(leaky).expectError(IllegalArgumentException.class).verify(Duration.ofSeconds(5));

        assertThat(Evidence.takeFindings())
                .singleElement()
                .asString()
                .startsWith("an access token was seen in an error delivered through Reactor to ")
                .endsWith("(java.lang.IllegalArgumentException)");
    }

    @Test
    void aSecretInASuppressedExceptionOfAnErrorIsFound() {
        RuntimeException error = new RuntimeException("clean");
        error.addSuppressed(new RuntimeException("refresh_token=" + REFRESH));

        StepVerifier.create(Mono.error(error)).expectError().verify(Duration.ofSeconds(5));

        assertThat(Evidence.takeFindings()).singleElement().asString().startsWith("a refresh token was seen in");
    }

    @Test
    void theGuardFailsNamingTheKindAndPlaceButNeverTheSecret() {
        LOG.error("token is {}", TOKEN);

        assertThatThrownBy(() -> Guards.verify("after SomeTest"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Suite guard failed after SomeTest:\n- an access token was seen in a log line (ERROR) of "
                        + "logger dk.firmafon.testsupport.Leaky on thread "
                        + Thread.currentThread().getName())
                .message()
                .doesNotContain(TOKEN);
    }

    @Test
    void aSecretRegisteredAfterTheLineWasLoggedIsStillFoundAtTheClassCheck() {
        String late = "registered-after-logging-43";
        LOG.info("late {}", late);
        Secrets.register(late);

        assertThat(Evidence.takeFindings()).singleElement().asString().startsWith("a secret was seen in");
    }

    @Test
    void cleanLinesAndErrorsAreNoFinding() {
        LOG.info("GET /calls answered 200");
        StepVerifier.create(Mono.error(new IllegalStateException("no secret here")))
                .expectError()
                .verify(Duration.ofSeconds(5));

        assertThat(Evidence.takeFindings()).isEmpty();
    }

    @Test
    void aSecretTooShortToBeRecognisedIsRefused() {
        assertThatThrownBy(() -> Secrets.register("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("value: a secret shorter than 8 characters");
    }

    @Test
    void linesOfTheSdkAreAvailableToTests() {
        CapturedLogs.clear();
        LoggerFactory.getLogger("dk.firmafon.core.Something").debug("--> GET {}", "/calls");
        LoggerFactory.getLogger("io.netty.Other").debug("scanned, but not kept with the SDK's lines");

        assertThat(CapturedLogs.lines()).containsExactly("DEBUG --> GET /calls");
        assertThat(LoggerFactory.getLogger("io.netty.Other").isDebugEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("org.eclipse.jetty.server.Server").isDebugEnabled())
                .isFalse();
    }
}
