package dk.firmafon.reliability;

import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.auth.TokenStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import reactor.test.StepVerifier;

/** OAuth set-ups for tests whose token endpoint is a {@link LocalServer}. */
final class OAuthFixture {
    static final String USER = "reliability-user";

    private OAuthFixture() {}

    /**
     * An OAuth client whose store holds, for {@link #USER}, an expired access token with a refresh token: the first
     * request as that user exchanges the refresh token at {@code tokenUri}.
     */
    static OAuth2Client withExpiredToken(URI apiBase, URI tokenUri) {
        OAuthToken expired = OAuthToken.builder()
                .accessToken("reliability-expired-access-token")
                .tokenType("bearer")
                .expiresIn(Duration.ofHours(2))
                .refreshToken("reliability-refresh-token-1")
                .receivedAt(Instant.now().minus(Duration.ofHours(3)))
                .build();
        TokenStore store = TokenStore.inMemory();
        StepVerifier.create(store.save(USER, expired)).expectComplete().verify(Duration.ofSeconds(10));
        return OAuth2Client.builder()
                .clientId("reliability-client")
                .clientSecret("reliability-client-secret")
                .redirectUri(URI.create("http://127.0.0.1/callback"))
                .baseUri(apiBase)
                .tokenUri(tokenUri)
                .tokenStore(store)
                .build();
    }

    /** The token endpoint's answer granting {@code accessToken}. */
    static String tokenResponse(String accessToken) {
        return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\",\"expires_in\":7200,"
                + "\"refresh_token\":\"reliability-refresh-token-2\"}";
    }
}
