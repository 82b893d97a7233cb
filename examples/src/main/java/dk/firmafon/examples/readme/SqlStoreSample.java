package dk.firmafon.examples.readme;

import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.tokenstore.sql.R2dbcTokenStore;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.net.URI;

/** README, "Authentication": tokens shared by every instance, in the service's PostgreSQL. */
final class SqlStoreSample {
    private SqlStoreSample() {}

    static OAuth2Client sharedTokens(String clientId, String clientSecret, URI redirectUri, byte[] tokenKey) {
        // [readme]
        // r2dbc-pool and r2dbc-postgresql on the classpath; the table from schema-postgresql.sql, by your migrations
        ConnectionFactory database = ConnectionFactories.get("r2dbc:pool:postgresql://app@db.internal/app");
        R2dbcTokenStore store = R2dbcTokenStore.create(database, tokenKey); // 32 bytes from your secret manager
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
