package dk.firmafon.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dk.firmafon.auth.internal.InMemoryTokenStore;
import dk.firmafon.testsupport.TestSecrets;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** Shared secrets, a mutable clock, a transparent token store and a recording listener for the OAuth tests. */
final class OAuthFixtures {
    static final String CLIENT_ID = "client-id-1";
    static final String CLIENT_SECRET = TestSecrets.CLIENT_SECRET;
    static final String CODE = TestSecrets.AUTHORIZATION_CODE;
    static final String ACCESS = TestSecrets.ACCESS_TOKEN;
    static final String NEW_ACCESS = TestSecrets.NEW_ACCESS_TOKEN;
    static final String REFRESH = TestSecrets.REFRESH_TOKEN;
    static final String NEW_REFRESH = TestSecrets.NEW_REFRESH_TOKEN;
    static final URI REDIRECT = URI.create("https://app.example/oauth/callback");
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final List<String> SECRETS = List.of(CLIENT_SECRET, CODE, ACCESS, NEW_ACCESS, REFRESH, NEW_REFRESH);

    private OAuthFixtures() {}

    /** WireMock on a dynamic port, for a test class's {@code @RegisterExtension} field. */
    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(WireMockConfiguration.wireMockConfig().dynamicPort().jettyAcceptors(1))
                .build();
    }

    /** A JSON answer. */
    static ResponseDefinitionBuilder json(int status, String body) {
        return WireMock.aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** Fails if {@code text} contains any configured secret. */
    static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(SECRETS);
    }

    /** Fails if the message or toString of {@code failure} or any of its causes contains a configured secret. */
    static void assertNoSecret(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertNoSecret(String.valueOf(t.getMessage()));
            assertNoSecret(t.toString());
        }
    }

    static String tokenJson(String access, @Nullable String refresh, long expiresIn) {
        return "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"")
                + ",\"scope\":\"public\",\"created_at\":1700000000}";
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** A token store the test can read and seed directly: the default store over a map the test holds. */
    static final class MapTokenStore {
        final ConcurrentMap<String, OAuthToken> tokens = new ConcurrentHashMap<>();
        final TokenStore store = new InMemoryTokenStore(tokens);
    }

    /** Records every change the SDK reports. */
    static final class RecordingListener implements TokenListener {
        record Change(String userKey, @Nullable OAuthToken token) {}

        final List<Change> changes = new CopyOnWriteArrayList<>();

        @Override
        public void tokenChanged(String userKey, @Nullable OAuthToken token) {
            changes.add(new Change(userKey, token));
        }

        List<@Nullable String> accessTokens() {
            List<@Nullable String> tokens = new ArrayList<>();
            changes.forEach(change ->
                    tokens.add(change.token() == null ? null : change.token().accessToken()));
            return tokens;
        }
    }
}
