package dk.firmafon.auth.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;

/**
 * Puts query parameters that carry a credential ({@code access_token=...}, or a token request's
 * {@code client_secret=...&code=...}) into the request line as the request is encoded,
 * so that Reactor Netty and Netty, which log the request URI at DEBUG, never see it: the SDK hands them the URI
 * without the credential. Added to a connection the first time a request on it needs it, and stays (a pooled
 * connection may next carry a request without such a credential: then it leaves the request line alone). Runs on
 * the connection's event loop.
 */
public final class CredentialQuery extends ChannelOutboundHandlerAdapter {
    static final String NAME = "firmafon.CredentialQuery";

    /** The encoded {@code name=value[&...]} for the request about to be written, or null. */
    private @Nullable String pair;

    private CredentialQuery() {}

    /** Sets the pair for the next request on {@code connection} (null: none); adds the handler when needed. */
    public static void apply(Connection connection, @Nullable String pair) {
        ChannelPipeline pipeline = connection.channel().pipeline();
        CredentialQuery handler = (CredentialQuery) pipeline.get(NAME);
        if (handler == null) {
            if (pair == null) {
                return;
            }
            handler = new CredentialQuery();
            ConnectionHandlers.addBeforeBridge(pipeline, NAME, handler);
        }
        handler.pair = pair;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        String credential = pair;
        if (credential != null && msg instanceof HttpRequest request) {
            pair = null;
            String uri = request.uri();
            request.setUri(uri + (uri.indexOf('?') < 0 ? '?' : '&') + credential);
        }
        ctx.write(msg, promise);
    }
}
