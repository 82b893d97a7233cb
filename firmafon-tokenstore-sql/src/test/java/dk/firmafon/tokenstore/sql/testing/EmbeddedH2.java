package dk.firmafon.tokenstore.sql.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * H2 runs inside the test JVM and r2dbc-h2 drives it synchronously: when two compare-and-sets meet on one row, the
 * second waits for the first's row lock on the calling thread. That is the embedded engine's nature, not the
 * store's (PostgreSQL, in {@code PostgresTokenStoreTest}, waits in its own process): allowed inside H2's
 * transaction wait, and only there.
 */
public final class EmbeddedH2 implements BlockHoundIntegration {
    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("org.h2.mvstore.tx.Transaction", "waitForThisToEnd");
    }
}
