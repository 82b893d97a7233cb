package dk.firmafon.benchmarks.internal;

import dk.firmafon.auth.OAuth2Auth;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.auth.TokenStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * {@code n} concurrent subscribers ask one {@link OAuth2Auth} for a credential while its stored token has expired:
 * the token endpoint must be asked once, and everybody gets the new token.
 */
public final class AuthStampede {
    private static final String USER = "bench-user";

    private AuthStampede() {}

    public record Result(int subscribers, int credentials, int tokenRequests, double millisUntilAll) {}

    public static Result run(CallsServer server, int subscribers) {
        TokenStore store = TokenStore.inMemory();
        OAuthToken expired = OAuthToken.builder()
                .accessToken("expired-token")
                .refreshToken("bench-refresh-token")
                .expiresIn(Duration.ofSeconds(60))
                .receivedAt(Instant.now().minus(Duration.ofHours(1)))
                .build();
        store.save(USER, expired).block(Duration.ofSeconds(10));
        int tokenRequestsBefore = server.tokenRequests();
        try (OAuth2Client oauth = OAuth2Client.builder()
                .clientId("bench-client")
                .clientSecret("bench-secret")
                .redirectUri(URI.create("https://app.example/callback"))
                .tokenUri(server.tokenUri())
                .tokenStore(store)
                .build()) {
            OAuth2Auth auth = oauth.forUser(USER);
            long start = System.nanoTime();
            Long credentials = Flux.range(0, subscribers)
                    .flatMap(i -> auth.credential().subscribeOn(Schedulers.parallel()), subscribers)
                    .filter(credential -> credential.value().equals(CallsServer.AUTHORIZATION))
                    .count()
                    .block(Duration.ofMinutes(1));
            double millis = (System.nanoTime() - start) / 1e6;
            return new Result(
                    subscribers,
                    credentials == null ? 0 : credentials.intValue(),
                    server.tokenRequests() - tokenRequestsBefore,
                    millis);
        }
    }
}
