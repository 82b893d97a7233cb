package dk.firmafon.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration errors name what is wrong and where, never a secret: a damaged token file (the JSON parser would
 * quote the token), a proxy URL with a password that is not a URL.
 */
class ErrorsKeepSecretsTest {
    private static final String TOKEN = "tf-secret-access-token-3141";

    @Test
    void aDamagedTokenFileIsNamedWithoutQuotingItsContent(@TempDir Path home) throws Exception {
        Path path = home.resolve("token.json");
        Files.writeString(path, "{\"access_token\": " + TOKEN + ", \"base_url\": \"http://127.0.0.1:9/api/v2\"}");
        assertThatThrownBy(() -> new TokenFile(path).read())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is not valid JSON (line 1, column")
                .hasMessageNotContaining(TOKEN)
                .hasMessageNotContaining("tf-secret");
    }

    @Test
    void aTokenFileWithABadOauthTokenDoesNotQuoteIt(@TempDir Path home) throws Exception {
        Path path = home.resolve("token.json");
        Files.writeString(
                path,
                "{\"access_token\": \"" + TOKEN + "\", \"base_url\": \"http://127.0.0.1:9/api/v2\","
                        + " \"oauth_token\": \"" + TOKEN + "-not-json\"}");
        assertThatThrownBy(() -> new TokenFile(path).read())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aProxyUrlThatIsNotAUrlIsNamedWithoutItsPassword(@TempDir Path home) {
        for (String proxy : java.util.List.of("http://svc:pa ss-w0rd@proxy.corp:3128", "svc:pa55-w0rd@proxy.corp")) {
            assertThatThrownBy(() -> Settings.from(java.util.Map.of("FIRMAFON_PROXY", proxy), home))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("FIRMAFON_PROXY ")
                    .hasMessageNotContaining("w0rd");
        }
    }
}
