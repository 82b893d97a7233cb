package dk.firmafon.core.internal;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.ExchangeListener;
import dk.firmafon.core.RequestObserver;
import dk.firmafon.net.RetryPolicy;

/**
 * Assembles the request pipeline in its one fixed order, outermost first:
 * <ol>
 *   <li>{@link ObservedExchange#calls}: the {@link RequestObserver}, per call (omitted for the no-op observer);</li>
 *   <li>{@link RetryExchange}: repeats whole attempts (so each retry gets a fresh credential);</li>
 *   <li>{@link AuthExchange}: applies the credential on every attempt, handles 401 (invalidate, replay once);</li>
 *   <li>{@link LoggingExchange}: DEBUG request/response lines, redacted (so a 401 replay is logged too);</li>
 *   <li>{@link MetricsExchange}: the {@link ExchangeListener}, per attempt (omitted for the no-op listener);</li>
 *   <li>{@link ObservedExchange#attempts}: the observed call's attempts, with its headers (omitted likewise);</li>
 *   <li>the transport: {@code netty.NettyExchange} (Reactor Netty), or any {@link Exchange} in tests.</li>
 * </ol>
 */
public final class Pipeline {
    private Pipeline() {}

    public static Exchange create(Exchange exchange, ExchangeListener listener, AuthStrategy auth, RetryPolicy retry) {
        return create(exchange, listener, RequestObserver.NONE, auth, retry);
    }

    public static Exchange create(
            Exchange exchange,
            ExchangeListener listener,
            RequestObserver observer,
            AuthStrategy auth,
            RetryPolicy retry) {
        Exchange transport = observer == RequestObserver.NONE ? exchange : ObservedExchange.attempts(exchange);
        Exchange retrying = new RetryExchange(new AuthExchange(unauthenticated(transport, listener), auth), retry);
        return observer == RequestObserver.NONE ? retrying : ObservedExchange.calls(retrying, observer);
    }

    /**
     * The pipeline below authentication and retry: logging, metrics, the transport. OAuth token requests take it
     * ({@link PipelineTokenTransport}): they carry the client's own credentials, and the token manager retries them.
     */
    public static Exchange unauthenticated(Exchange exchange, ExchangeListener listener) {
        Exchange inner = listener == ExchangeListener.NONE ? exchange : new MetricsExchange(exchange, listener);
        return new LoggingExchange(inner);
    }
}
