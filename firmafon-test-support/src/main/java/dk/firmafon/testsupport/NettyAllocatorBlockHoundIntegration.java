package dk.firmafon.testsupport;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The one BlockHound allowance in the suite, for a known false positive inside Netty itself: Netty 4.2's
 * {@code AdaptivePoolingAllocator} guards its magazines with a {@link java.util.concurrent.locks.StampedLock} held for
 * a few instructions (swapping or freeing a magazine). When two event loops contend, the loser parks briefly and
 * BlockHound reports it as a blocking call on a non-blocking thread; the read that allocated the buffer then fails
 * and its request hangs. That is synchronisation inside the allocator, not I/O or a wait on other work, and other
 * projects allow it the same way (Armeria's Netty 4.2 BlockHound rules). The allowance names exactly the allocator's
 * locking methods, so a blocking call anywhere in SDK code is still reported.
 *
 * <p>The second is Netty's io_uring transport tearing down an event loop: {@code IoUringIoHandler.destroy} spins
 * ({@code Thread.onSpinWait}) until the ring's wake-up gate closes. It runs once, as a loop of the SDK's own event
 * loops ends when a client closes (the tests' class path has the io_uring transport; the global loops are never torn
 * down), not while a request is served.
 */
public final class NettyAllocatorBlockHoundIntegration implements BlockHoundIntegration {
    private static final String MAGAZINE = "io.netty.buffer.AdaptivePoolingAllocator$Magazine";
    private static final String MAGAZINE_GROUP = "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup";

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside(MAGAZINE, "free");
        builder.allowBlockingCallsInside(MAGAZINE, "allocate");
        builder.allowBlockingCallsInside(MAGAZINE, "tryAllocate");
        builder.allowBlockingCallsInside(MAGAZINE_GROUP, "tryExpandMagazines");
        builder.allowBlockingCallsInside(MAGAZINE_GROUP, "free");
        builder.allowBlockingCallsInside("io.netty.channel.uring.IoUringIoHandler", "destroy");
    }
}
