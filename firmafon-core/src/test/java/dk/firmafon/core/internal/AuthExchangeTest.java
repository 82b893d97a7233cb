package dk.firmafon.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.Credential;
import dk.firmafon.auth.OAuth2Auth;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.core.HttpMethod;
import dk.firmafon.testsupport.TestSecrets;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Which strategies the auth step reads once, and that every attempt still carries the credential. */
class AuthExchangeTest {
    /** The bound of every wait in this test. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    private static final Attempt GET =
            Attempt.first(HttpMethod.GET, "https://app.firmafon.dk/api/v2/calls", "/calls", null, true, false, null);

    @Test
    void aStaticTokenIsReadOnceAndAppliedToEveryAttempt() {
        AuthStrategy bearer = AuthStrategy.bearer(TestSecrets.CORE_TOKEN);
        List<Credential> applied = new ArrayList<>();
        Exchange recording = new Exchange() {
            @Override
            public <R> Flux<R> exchange(Attempt call, ResponseReader<R> reader) {
                applied.add(call.credential());
                return Flux.empty();
            }
        };
        AuthExchange auth = new AuthExchange(recording, bearer);

        StepVerifier.create(auth.exchange(GET, (c, r, b) -> Flux.empty())
                        .concatWith(auth.exchange(GET.withAttempt(2), (c, r, b) -> Flux.empty())))
                .expectComplete()
                .verify(WAIT);

        Credential expected = Credential.header("Authorization", "Bearer " + TestSecrets.CORE_TOKEN);
        assertThat(AuthExchange.constant(bearer)).isEqualTo(expected);
        assertThat(applied).containsExactly(expected, expected);
    }

    @Test
    void basicAndQueryParameterTokensAreConstantsToo() {
        assertThat(AuthExchange.constant(AuthStrategy.basic(TestSecrets.CORE_TOKEN)))
                .isNotNull();
        assertThat(AuthExchange.constant(AuthStrategy.queryParameter(TestSecrets.CORE_TOKEN)))
                .isEqualTo(Credential.queryParameter("access_token", TestSecrets.CORE_TOKEN));
    }

    @Test
    void anOAuthStrategyHasNoConstantCredential() {
        // its token can expire and be renewed: no constant
        OAuth2Client client = OAuth2Client.builder()
                .clientId("client")
                .clientSecret(TestSecrets.CLIENT_SECRET)
                .redirectUri(URI.create("https://example.com/callback"))
                .build();
        OAuth2Auth oauth = client.forUser("user-1");

        assertThat(AuthExchange.constant(oauth)).isNull();
        client.close();
    }
}
