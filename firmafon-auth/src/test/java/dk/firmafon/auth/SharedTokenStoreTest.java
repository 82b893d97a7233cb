package dk.firmafon.auth;

import static dk.firmafon.auth.OAuthFixtures.ACCESS;
import static dk.firmafon.auth.OAuthFixtures.NEW_ACCESS;
import static dk.firmafon.auth.OAuthFixtures.NEW_REFRESH;
import static dk.firmafon.auth.OAuthFixtures.REFRESH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two OAuth clients (two token managers, as on two instances) sharing one store, against a token endpoint that
 * rotates refresh tokens (a refresh token works once): the instance that loses the refresh race uses the winner's
 * token; nobody is signed out; a newer token is never overwritten or deleted.
 */
class SharedTokenStoreTest extends dk.firmafon.auth.contract.TokenStoreContract {
    /** The bound of every wait in this test. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    private final TokenStore shared = TokenStore.inMemory();
    private final List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final OAuth2Client first = instance(shared, changes);
    private final OAuth2Client second = instance(shared, changes);

    @Override
    protected TokenStore store() {
        return shared;
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    private void expiredTokenStored() {
        shared.save(
                        "alice",
                        OAuthToken.builder()
                                .accessToken(ACCESS)
                                .refreshToken(REFRESH)
                                .expiresIn(Duration.ofSeconds(60))
                                .receivedAt(Instant.now().minusSeconds(3600))
                                .build())
                .block(WAIT);
    }

    @Test
    void anInstanceWhoseRefreshTokenWasUsedElsewhereWaitsForTheStoreInsteadOfSigningOut() {
        rotatingTokenEndpoint(Duration.ZERO);
        expiredTokenStored();
        // the other instance has already refreshed (its rotation used REFRESH) but is slow to store its token
        wire.setScenarioState("rotation", "rotated");
        OAuthToken winners = OAuthToken.builder()
                .accessToken(NEW_ACCESS)
                .refreshToken(NEW_REFRESH)
                .expiresIn(Duration.ofHours(2))
                .receivedAt(Instant.now())
                .build();
        OAuthToken stale = shared.load("alice").block(WAIT);
        reactor.core.publisher.Mono.delay(Duration.ofMillis(500))
                .then(shared.replace("alice", stale, winners))
                .subscribe();

        Credential credential = first.forUser("alice").credential().block(Duration.ofSeconds(10));

        assertThat(credential.value()).isEqualTo("Bearer " + NEW_ACCESS);
        assertThat(shared.load("alice").block(WAIT)).isEqualTo(winners);
        assertThat(changes).doesNotContain("removed");
    }

    @Test
    void aRefreshTokenRejectedWithNoNewerTokenAnywhereSignsTheUserOut() {
        rotatingTokenEndpoint(Duration.ZERO);
        expiredTokenStored();
        wire.setScenarioState("rotation", "rotated");

        Throwable error = first.forUser("alice")
                .credential()
                .map(c -> (Throwable) null)
                .onErrorResume(e -> reactor.core.publisher.Mono.just(e))
                .block(Duration.ofSeconds(10));

        assertThat(error).isInstanceOf(dk.firmafon.error.ReauthorizationRequiredException.class);
        assertThat(shared.load("alice").blockOptional(WAIT)).isEmpty();
        assertThat(changes).containsExactly("removed");
    }
}
