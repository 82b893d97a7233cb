package dk.firmafon.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged token file is an error that says where, never what: the parser would quote the token. */
class TokenFileTest {
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
}
