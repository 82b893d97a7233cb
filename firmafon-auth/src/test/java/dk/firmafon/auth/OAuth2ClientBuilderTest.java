package dk.firmafon.auth;

import static dk.firmafon.auth.OAuthFixtures.CLIENT_ID;
import static dk.firmafon.auth.OAuthFixtures.CLIENT_SECRET;
import static dk.firmafon.auth.OAuthFixtures.REDIRECT;
import static dk.firmafon.auth.OAuthFixtures.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuth2ClientBuilderTest {

    private static OAuth2Client.Builder valid() {
        return OAuth2Client.builder()
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .redirectUri(REDIRECT);
    }

    private static void assertRejected(UnaryOperator<OAuth2Client.Builder> change, String messageStart) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> change.apply(valid()).build())
                .withMessageStartingWith(messageStart)
                .satisfies(e -> assertNoSecret(e));
    }

    @Test
    void missingOrBlankClientIdIsRejectedNamingTheField() {
        assertRejected(b -> b.clientId(null), "clientId must not be null");
        assertRejected(b -> b.clientId(" "), "clientId must not be blank");
        assertRejected(b -> b.clientId("id with space"), "clientId must not contain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "cl1ent-S3cret-value ", "cl1ent-S3cret-value\n", "cl1ent-S3cret-value\u0007"})
    void badClientSecretIsRejectedNamingTheFieldWithoutEchoingIt(String secret) {
        assertRejected(b -> b.clientSecret(secret), "clientSecret must not");
    }

    @Test
    void nullClientSecretIsRejected() {
        assertRejected(b -> b.clientSecret(null), "clientSecret must not be null");
    }

    @Test
    void redirectUriMustBeAbsolute() {
        assertRejected(b -> b.redirectUri(null), "redirectUri must not be null");
        assertRejected(b -> b.redirectUri(URI.create("/oauth/callback")), "redirectUri must be an absolute URI");
        assertRejected(b -> b.tokenUri(URI.create("token")), "tokenUri must be an absolute URI");
        assertRejected(b -> b.authorizeUri(URI.create("authorize")), "authorizeUri must be an absolute URI");
    }

    @Test
    void aPlainHttpTokenEndpointIsRefusedUnlessLoopbackOrAllowedExplicitly() {
        assertRejected(
                b -> b.tokenUri(URI.create("http://sso.example/token")),
                "tokenUri must be https (plain http would expose the client secret and tokens), was: "
                        + "http://sso.example/token");
        assertRejected(b -> b.baseUri(URI.create("http://app.firmafon.dk/api/v2")), "baseUri must be https");
        for (URI allowed : List.of(
                URI.create("http://localhost:8080/token"),
                URI.create("http://127.0.0.1/token"),
                URI.create("http://[::1]:9000/token"))) {
            valid().tokenUri(allowed).build().close();
        }
        try (OAuth2Client insecure = valid().tokenUri(URI.create("http://sso.internal/token"))
                .allowInsecureHttp(true)
                .build()) {
            assertThat(insecure.tokenUri()).hasHost("sso.internal");
        }
    }

    @Test
    void timeoutsAndRetriesAreChecked() {
        assertRejected(b -> b.responseTimeout(Duration.ZERO), "responseTimeout must be positive");
        assertRejected(b -> b.connectTimeout(Duration.ofSeconds(-1)), "connectTimeout must be positive");
        assertRejected(b -> b.retryPolicy(null), "retryPolicy must not be null");
        assertRejected(b -> b.refreshAhead(Duration.ofSeconds(-1)), "refreshAhead must not be negative");
    }

    @Test
    void endpointsDefaultToTheFirmafonApiBase() {
        try (OAuth2Client client = valid().build()) {
            assertThat(client.authorizeUri()).isEqualTo(URI.create("https://app.firmafon.dk/api/v2/authorize"));
            assertThat(client.tokenUri()).isEqualTo(URI.create("https://app.firmafon.dk/api/v2/token"));
        }
    }

    @Test
    void relatelPresetAndOverridesChangeTheEndpoints() {
        try (OAuth2Client relatel = valid().baseUri(OAuth2Client.RELATEL).build();
                OAuth2Client custom = relatel.mutate()
                        .baseUri(URI.create("https://sso.example/oauth/"))
                        .tokenUri(URI.create("https://tokens.example/t"))
                        .build()) {
            assertThat(relatel.authorizeUri()).isEqualTo(URI.create("https://app.relatel.dk/api/v2/authorize"));
            assertThat(relatel.tokenUri()).isEqualTo(URI.create("https://app.relatel.dk/api/v2/token"));
            assertThat(custom.authorizeUri()).isEqualTo(URI.create("https://sso.example/oauth/authorize"));
            assertThat(custom.tokenUri()).isEqualTo(URI.create("https://tokens.example/t"));
        }
    }

    @Test
    void toStringShowsTheConfigurationButNeverTheSecret() {
        try (OAuth2Client client = valid().build()) {
            assertThat(client.toString())
                    .contains(CLIENT_ID, "[REDACTED]", "CLIENT_SECRET_POST")
                    .doesNotContain(CLIENT_SECRET);
            assertThat(client.mutate().toString()).doesNotContain(CLIENT_SECRET);
        }
    }

    @Test
    void forUserRequiresAUserKey() {
        try (OAuth2Client client = valid().build()) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> client.forUser(" "))
                    .withMessage("userKey must not be blank");
            assertThat(client.forUser("alice").userKey()).isEqualTo("alice");
        }
    }
}
