package dk.firmafon.auth;

import static dk.firmafon.auth.OAuthFixtures.CLIENT_ID;
import static dk.firmafon.auth.OAuthFixtures.CLIENT_SECRET;
import static dk.firmafon.auth.OAuthFixtures.REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dk.firmafon.auth.internal.FormUrlEncoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthorizationRequestTest {
    private final OAuth2Client client = OAuth2Client.builder()
            .clientId(CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .redirectUri(REDIRECT)
            .build();

    @AfterEach
    void close() {
        client.close();
    }

    private static Map<String, List<String>> query(URI uri) {
        return FormUrlEncoding.decode(uri.getRawQuery());
    }

    @Test
    void authorizationUriCarriesClientIdResponseTypeRedirectUriStateAndPkce() {
        AuthorizationRequest request = client.authorizationRequest();

        URI uri = request.uri();
        assertThat(uri.getScheme() + "://" + uri.getHost() + uri.getPath())
                .isEqualTo("https://app.firmafon.dk/api/v2/authorize");
        assertThat(query(uri))
                .containsOnlyKeys(
                        "client_id",
                        "response_type",
                        "redirect_uri",
                        "state",
                        "code_challenge",
                        "code_challenge_method")
                .containsEntry("client_id", List.of(CLIENT_ID))
                .containsEntry("response_type", List.of("code"))
                .containsEntry("redirect_uri", List.of(REDIRECT.toString()))
                .containsEntry("state", List.of(request.state()))
                .containsEntry("code_challenge_method", List.of("S256"));
        assertThat(uri.getRawQuery()).contains("redirect_uri=https%3A%2F%2Fapp.example%2Foauth%2Fcallback");
        assertThat(uri.toString()).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void stateIsAtLeast128RandomBitsUrlSafeAndNewEachTime() {
        Set<String> states = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String state = client.authorizationRequest().state();
            assertThat(state).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(state)).hasSizeGreaterThanOrEqualTo(16);
            states.add(state);
        }
        assertThat(states).hasSize(50);
    }

    @Test
    void codeChallengeIsBase64UrlOfTheSha256OfTheVerifier() throws Exception {
        AuthorizationRequest request = client.authorizationRequest();

        String verifier = request.codeVerifier().orElseThrow();
        assertThat(verifier).matches("[A-Za-z0-9._~-]{43,128}");
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        assertThat(query(request.uri()).get("code_challenge"))
                .containsExactly(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256));
    }

    @Test
    void withoutPkceThereIsNoChallengeAndNoVerifier() {
        try (OAuth2Client plain = client.mutate().pkce(false).build()) {
            AuthorizationRequest request = plain.authorizationRequest();

            assertThat(query(request.uri())).doesNotContainKeys("code_challenge", "code_challenge_method");
            assertThat(request.codeVerifier()).isEmpty();
        }
    }

    @Test
    void aConfiguredAuthorizeUriKeepsItsOwnQuery() {
        try (OAuth2Client custom = client.mutate()
                .authorizeUri(URI.create("https://sso.example/authorize?tenant=x"))
                .build()) {
            URI uri = custom.authorizationRequest().uri();

            assertThat(uri.getPath()).isEqualTo("/authorize");
            assertThat(query(uri)).containsEntry("tenant", List.of("x")).containsKey("state");
        }
    }

    @Test
    void aRequestRebuiltFromStateAndVerifierEqualsTheOriginal() {
        AuthorizationRequest original = client.authorizationRequest();

        AuthorizationRequest rebuilt = client.authorizationRequest(
                original.state(), original.codeVerifier().get());

        assertThat(rebuilt.uri()).isEqualTo(original.uri());
        assertThat(rebuilt.codeVerifier()).isEqualTo(original.codeVerifier());
    }

    @Test
    void rebuildingChecksItsArgumentsWithoutEchoingTheVerifier() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.authorizationRequest("state1", null))
                .withMessage("codeVerifier must not be null when PKCE is on");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.authorizationRequest(" ", "x".repeat(43)))
                .withMessage("state must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.authorizationRequest("state1", "sh0rt-Verifier"))
                .withMessageStartingWith("codeVerifier must be 43 to 128 characters")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sh0rt-Verifier"));
    }

    @Test
    void toStringShowsNeitherStateNorVerifier() {
        AuthorizationRequest request = client.authorizationRequest();

        assertThat(request.toString())
                .contains("https://app.firmafon.dk/api/v2/authorize", "[REDACTED]")
                .doesNotContain(request.state(), request.codeVerifier().get(), "code_challenge");
    }
}
