package dk.firmafon.auth.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import reactor.netty.NettyPipeline;

/** Where the SDK puts its own handlers on a Reactor Netty connection: after the HTTP codec, before the bridge. */
public final class ConnectionHandlers {
    private ConnectionHandlers() {}

    /** Adds {@code handler} as {@code name} just before Reactor Netty's reactive bridge (last when there is none). */
    public static void addBeforeBridge(ChannelPipeline pipeline, String name, ChannelHandler handler) {
        if (pipeline.get(NettyPipeline.ReactiveBridge) != null) {
            pipeline.addBefore(NettyPipeline.ReactiveBridge, name, handler);
        } else {
            pipeline.addLast(name, handler);
        }
    }
}
