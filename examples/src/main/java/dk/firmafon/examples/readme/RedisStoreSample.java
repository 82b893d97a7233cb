package dk.firmafon.examples.readme;

import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.tokenstore.redis.RedisTokenStore;
import io.lettuce.core.RedisClient;
import java.net.URI;

/** README, "Authentication": tokens shared by every instance, in Redis. */
final class RedisStoreSample {
    private RedisStoreSample() {}

    static OAuth2Client sharedTokens(String clientId, String clientSecret, URI redirectUri) {
        // [readme]
        RedisClient redis = RedisClient.create("redis://redis.internal:6379");
        RedisTokenStore store = RedisTokenStore.connect(redis); // at start-up; close() it on shutdown
        OAuth2Client oauth = OAuth2Client.builder()
                .clientId(clientId)
                .clientSecret(clientSecret)
                .redirectUri(redirectUri)
                .tokenStore(store)
                .build();
        // [readme]
        return oauth;
    }
}
