package dk.firmafon.tokenstore.redis.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lettuce guards each connection's writers with a short lock ({@code SharedLock}) that a command dispatched from its
 * own event loop may briefly wait for while another thread is writing: under the 1,000-request race BlockHound saw
 * that wait, dropped the command's error, and the command hung until Lettuce's one-minute timeout. It is Lettuce's
 * design, not a blocking call of the store's: allowed there, and only there.
 */
public final class LettuceWriterLock implements BlockHoundIntegration {
    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters")
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters")
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "doExclusive");
    }
}
