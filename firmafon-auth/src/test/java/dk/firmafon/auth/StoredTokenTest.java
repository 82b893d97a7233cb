package dk.firmafon.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.firmafon.error.TokenStoreException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Every store reads tokens through {@link StoredToken#decode}: a foreign or corrupt value is a
 * {@link TokenStoreException} naming the field, never another exception, never quoting the text.
 */
class StoredTokenTest {
    private static final String SECRET = "stored-secret-access-token-1";

    @Test
    void aTokenSurvivesTheRoundTrip() {
        OAuthToken token = OAuthToken.builder()
                .accessToken(SECRET)
                .tokenType("bearer")
                .expiresIn(Duration.ofHours(2))
                .refreshToken("stored-refresh-token")
                .createdAt(Instant.parse("2026-12-01T10:00:00Z"))
                .receivedAt(Instant.parse("2026-12-01T10:00:01Z"))
                .build();
        assertThat(StoredToken.decode(StoredToken.encode(token))).isEqualTo(token);
    }

    @Test
    void everyForeignValueIsATokenStoreExceptionNamingTheFaultAndQuotingNothing() {
        String[][] cases = {
            {"", "it is empty"},
            {"null", "it is not a JSON object"},
            {"[1,2]", "it is not a JSON object"},
            {"{\"access_token\":\"" + SECRET + "\"", "it is not one JSON document"},
            {"{\"access_token\":\"" + SECRET + "\",\"received_at\":\"2026-12-01T10:00:00Z\"} {}", "not one JSON"},
            {"{\"access_token\":\"" + SECRET + "\"}", "received_at is missing"},
            {"{\"received_at\":\"2026-12-01T10:00:00Z\"}", "access_token is missing or blank"},
            {"{\"access_token\":42,\"received_at\":\"2026-12-01T10:00:00Z\"}", "access_token is a number, not a string"
            },
            {
                "{\"access_token\":\"" + SECRET + "\",\"received_at\":\"" + SECRET + "\"}",
                "received_at is not an ISO-8601"
            },
            {
                "{\"access_token\":\"" + SECRET
                        + "\",\"received_at\":\"2026-12-01T10:00:00Z\",\"created_at\":\"yesterday\"}",
                "created_at is not an ISO-8601 instant"
            },
            {
                "{\"access_token\":\"" + SECRET + "\",\"received_at\":\"2026-12-01T10:00:00Z\",\"expires_in\":"
                        + Long.MAX_VALUE + "}",
                "expires_in is not a whole number of seconds"
            },
            {
                "{\"access_token\":\"" + SECRET + "\",\"received_at\":\"2026-12-01T10:00:00Z\",\"expires_in\":-1}",
                "expires_in is not a whole number"
            },
            {
                "{\"access_token\":\"" + SECRET + "\",\"received_at\":\"2026-12-01T10:00:00Z\",\"expires_in\":1.5}",
                "expires_in is not a whole number"
            },
            {
                "{\"access_token\":\"" + SECRET + "\",\"received_at\":\"2026-12-01T10:00:00Z\",\"refresh_token\":[]}",
                "refresh_token is a array, not a string"
            },
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> StoredToken.decode(c[0]))
                    .as("decoding %s", c[0])
                    .isInstanceOf(TokenStoreException.class)
                    .hasMessageStartingWith("a stored token cannot be read: ")
                    .hasMessageContaining(c[1])
                    .hasNoCause()
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        }
        assertThatThrownBy(() -> StoredToken.decode(null)).isInstanceOf(TokenStoreException.class);
    }
}
