package dk.firmafon.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.firmafon.error.ReauthorizationRequiredException;
import dk.firmafon.testsupport.TestSecrets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The OAuth kind fed by someone else's tokens (Spring Security's): sent as Bearer, 401s reported back. */
class ExternalTokensTest {
    /** The bound of every wait in this test. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    private final List<String> rejected = new CopyOnWriteArrayList<>();

    private ExternalTokens source(Mono<OAuthToken> token, boolean another) {
        return new ExternalTokens() {
            @Override
            public Mono<OAuthToken> token() {
                return token;
            }

            @Override
            public Mono<Boolean> rejected(String accessToken) {
                rejected.add(accessToken);
                return Mono.just(another);
            }
        };
    }

    private static OAuthToken token() {
        return OAuthToken.builder()
                .accessToken(TestSecrets.ACCESS_TOKEN)
                .receivedAt(Instant.now())
                .build();
    }

    @Test
    void theSourcesTokenIsSentAsBearerAndARejectionIsReportedBack() {
        OAuth2Auth auth = OAuth2Auth.external("spring-security:firmafon", source(Mono.just(token()), false));
        Credential credential = auth.credential().block(WAIT);
        assertThat(credential.placement()).isEqualTo(Credential.Placement.HEADER);
        assertThat(credential.value()).isEqualTo("Bearer " + TestSecrets.ACCESS_TOKEN);
        StepVerifier.create(auth.invalidate(credential))
                .expectNext(false)
                .expectComplete()
                .verify(WAIT);
        assertThat(rejected).containsExactly(TestSecrets.ACCESS_TOKEN);
        assertThat(auth.toString())
                .isEqualTo("OAuth2Auth{external=spring-security:firmafon}")
                .doesNotContain(TestSecrets.ACCESS_TOKEN);
        assertThat(auth.userKey()).isEqualTo("spring-security:firmafon");
    }

    @Test
    void noTokenMeansTheUserMustSignInAgain() {
        OAuth2Auth auth = OAuth2Auth.external("spring-security:firmafon", source(Mono.empty(), false));
        StepVerifier.create(auth.credential())
                .expectError(ReauthorizationRequiredException.class)
                .verify(WAIT);
    }

    @Test
    void aMissingDescriptionOrSourceIsRefused() {
        assertThatThrownBy(() -> OAuth2Auth.external(" ", source(Mono.empty(), false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("description must not be null or blank");
        assertThatThrownBy(() -> OAuth2Auth.external("x", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("source must not be null");
    }
}
