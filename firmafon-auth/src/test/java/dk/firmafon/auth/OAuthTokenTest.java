package dk.firmafon.auth;

import static dk.firmafon.auth.OAuthFixtures.ACCESS;
import static dk.firmafon.auth.OAuthFixtures.REFRESH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OAuthTokenTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void expiryIsTheReceptionTimePlusExpiresIn() {
        OAuthToken token = OAuthToken.builder()
                .accessToken(ACCESS)
                .expiresIn(Duration.ofSeconds(60))
                .receivedAt(RECEIVED)
                .build();

        assertThat(token.expiresAt()).contains(RECEIVED.plusSeconds(60));
        assertThat(token.isExpiredAt(RECEIVED.plusSeconds(59))).isFalse();
        assertThat(token.isExpiredAt(RECEIVED.plusSeconds(60))).isTrue();
    }

    @Test
    void aRestoredTokenEqualsTheOriginal() {
        OAuthToken token = OAuthToken.builder()
                .accessToken(ACCESS)
                .refreshToken(REFRESH)
                .tokenType("Bearer")
                .scope("public")
                .expiresIn(Duration.ofHours(2))
                .receivedAt(RECEIVED)
                .build();

        assertThat(OAuthToken.builder().from(token).build()).isEqualTo(token).hasSameHashCodeAs(token);
    }

    @Test
    void accessTokenAndReceptionTimeAreRequired() {
        assertThatIllegalStateException()
                .isThrownBy(() -> OAuthToken.builder().accessToken(ACCESS).build())
                .withMessageContaining("receivedAt");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OAuthToken.builder()
                        .accessToken(" ")
                        .receivedAt(RECEIVED)
                        .build())
                .withMessage("accessToken must not be blank");
    }

    @Test
    void malformedSecretsAreRejectedWithoutEchoingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OAuthToken.builder()
                        .accessToken(ACCESS)
                        .refreshToken(REFRESH + " x")
                        .receivedAt(RECEIVED)
                        .build())
                .withMessage("refreshToken must not contain whitespace or control characters");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OAuthToken.builder()
                        .accessToken(ACCESS)
                        .expiresIn(Duration.ofSeconds(-1))
                        .receivedAt(RECEIVED)
                        .build())
                .withMessage("expiresIn must not be negative");
    }

    @Test
    void toStringMasksBothTokens() {
        OAuthToken token = OAuthToken.builder()
                .accessToken(ACCESS)
                .refreshToken(REFRESH)
                .receivedAt(RECEIVED)
                .build();

        assertThat(token.toString()).contains("[REDACTED]", "receivedAt").doesNotContain(ACCESS, REFRESH);
    }
}
