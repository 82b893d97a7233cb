package dk.firmafon.core.internal.netty;

import dk.firmafon.auth.internal.ConnectionHandlers;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;

/**
 * The response timeout: fails the exchange with a {@link ReadTimeoutException} (and closes the connection) when,
 * after the request was written, nothing of the response arrived for the timeout (before the head, or between two
 * body chunks). Same rule as Reactor Netty's own {@code responseTimeout}, at a lower price.
 *
 * <p>Reactor Netty adds a new {@code ReadTimeoutHandler} to the pipeline for every request and removes it after the
 * response, scheduling and cancelling a timer each time. This handler is added to a connection once, at its first
 * request, and stays for the connection's life: a request arms it (a field write), every read of the response
 * notes the time, the end of the response disarms it. Its one timer is not cancelled per request either: when it
 * fires, it checks whether an armed exchange has been silent for the timeout, and re-schedules itself for the time
 * left if one is in progress but has not. Every method runs on the connection's event loop.
 *
 * <p>The same timer enforces the attempt deadline: from the moment a request is written, its whole exchange (for a
 * download: until the response head) must end within the attempt timeout, however steadily the server trickles
 * bytes or {@code 1xx} heads. Past it the exchange fails with {@link AttemptTimeoutException} and the connection is
 * closed.
 */
final class ResponseTimeout extends ChannelDuplexHandler {
    static final String NAME = "firmafon.ResponseTimeout";

    private @Nullable ChannelHandlerContext context;
    /**
     * The timeout of the request being sent or answered (clients sharing a pool may differ). It changes only when the
     * next request on the connection is about to be written, and HTTP/1.1 sends that only after this exchange ended.
     */
    private long timeoutNanos;
    /** The attempt timeout of the request being sent or answered. */
    private long attemptNanos;
    /** Whether the attempt deadline ends at the response head (a download streams for as long as it needs). */
    private boolean untilHead;
    /** Whether the attempt deadline is running: from the request written to the end (or head) of its response. */
    private boolean attemptRunning;

    private long attemptDeadline;
    private boolean armed;
    /** The response head read last was 1xx (not 101): its end is not the end of the exchange. */
    private boolean informational;

    private long lastActivity;
    private io.netty.util.concurrent.@Nullable ScheduledFuture<?> check;
    private long checkAt;

    private ResponseTimeout() {}

    /**
     * Makes sure {@code connection} has the handler and sets the timeout of the request about to be written on it.
     * Called on the connection's event loop before the request is written.
     */
    static void apply(Connection connection, long timeoutNanos, long attemptNanos, boolean untilHead) {
        ChannelPipeline pipeline = connection.channel().pipeline();
        ResponseTimeout handler = (ResponseTimeout) pipeline.get(NAME);
        if (handler == null) {
            handler = new ResponseTimeout();
            ConnectionHandlers.addBeforeBridge(pipeline, NAME, handler);
        }
        handler.timeoutNanos = timeoutNanos;
        handler.attemptNanos = attemptNanos;
        handler.untilHead = untilHead;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stop();
        super.channelInactive(ctx);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent) { // the end of a request (a FullHttpRequest is one too)
            arm(ctx);
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (armed) {
            lastActivity = System.nanoTime();
            if (msg instanceof HttpResponse response) {
                informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL
                        && response.status().code() != 101;
                if (untilHead && !informational) {
                    attemptRunning = false;
                }
            }
            if (msg instanceof LastHttpContent && !informational) {
                armed = false;
                attemptRunning = false;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void arm(ChannelHandlerContext ctx) {
        long now = System.nanoTime();
        armed = true;
        informational = false;
        lastActivity = now;
        attemptRunning = true;
        attemptDeadline = now + attemptNanos;
        long first = Math.min(timeoutNanos, attemptNanos);
        long deadline = now + first;
        if (check == null || checkAt - deadline > 0) { // none pending, or one for a longer timeout than this one's
            schedule(ctx, deadline, first);
        }
    }

    private void schedule(ChannelHandlerContext ctx, long deadline, long delayNanos) {
        if (check != null) {
            check.cancel(false);
        }
        checkAt = deadline;
        check = ctx.executor().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        check = null;
        ChannelHandlerContext ctx = context;
        if (!armed || ctx == null || !ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        long attemptLeft = attemptRunning ? attemptDeadline - now : Long.MAX_VALUE;
        if (attemptLeft <= 0) {
            armed = false;
            attemptRunning = false;
            ctx.fireExceptionCaught(AttemptTimeoutException.INSTANCE);
            ctx.close();
            return;
        }
        long left = timeoutNanos - (now - lastActivity);
        if (left > 0) {
            long next = Math.min(left, attemptLeft);
            schedule(ctx, now + next, next);
            return;
        }
        armed = false;
        attemptRunning = false;
        ctx.fireExceptionCaught(ReadTimeoutException.INSTANCE);
        ctx.close();
    }

    private void stop() {
        armed = false;
        attemptRunning = false;
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }
}
