package dk.firmafon.examples.webflux;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's Firmafon settings ({@code firmafon.*}): the API base, and the OAuth application registered with
 * Firmafon (its redirect URI is this application's {@code /login/callback}).
 *
 * @param baseUri the API base, {@code https://app.firmafon.dk/api/v2} unless set
 * @param clientId the OAuth client id
 * @param clientSecret the OAuth client secret (never logged)
 * @param redirectUri this application's callback as registered with Firmafon
 * @param authorizeUri the authorize endpoint, when not {@code baseUri/authorize}
 * @param tokenUri the token endpoint, when not {@code baseUri/token}
 */
@ConfigurationProperties("firmafon")
public record FirmafonProperties(
        @Nullable URI baseUri,
        String clientId,
        String clientSecret,
        URI redirectUri,
        @Nullable URI authorizeUri,
        @Nullable URI tokenUri) {

    @Override
    public String toString() {
        return "FirmafonProperties[baseUri=" + baseUri + ", clientId=" + clientId
                + ", clientSecret=[REDACTED], redirectUri=" + redirectUri + "]";
    }
}
