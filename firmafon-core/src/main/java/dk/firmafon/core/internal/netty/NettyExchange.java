package dk.firmafon.core.internal.netty;

import dk.firmafon.auth.Credential;
import dk.firmafon.auth.internal.CredentialQuery;
import dk.firmafon.auth.internal.Tls;
import dk.firmafon.core.internal.Attempt;
import dk.firmafon.core.internal.Exchange;
import dk.firmafon.core.internal.Lifecycle;
import dk.firmafon.core.internal.ResponseReader;
import dk.firmafon.error.FirmafonException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.foundation.internal.Redaction;
import dk.firmafon.foundation.internal.Timeouts;
import io.netty.buffer.Unpooled;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.PrematureCloseException;

/**
 * The innermost step: one HTTP exchange over Reactor Netty. Applies the credential, the JSON body and its headers,
 * and maps transport failures to a {@link FirmafonIoException} of the right kind, remembering whether the request had started to be
 * written (the retry rules for non-idempotent requests depend on it).
 */
public final class NettyExchange implements Exchange {
    private static final HttpMethod[] METHODS = {HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE};
    private static final String JSON = "application/json";
    private static final String ANY = "*/*";

    private final HttpClient http;
    private final Duration responseTimeout;
    private final Duration poolAcquireTimeout;
    private final Duration connectTimeout;
    private final Duration attemptTimeout;
    private final long responseTimeoutNanos;
    private final long attemptTimeoutNanos;

    /**
     * @param http a client already configured with the static headers ({@code Accept}, {@code User-Agent}),
     *     connect and TLS handshake timeouts and pool; the response and attempt timeouts are applied here
     */
    public NettyExchange(
            HttpClient http,
            Duration connectTimeout,
            Duration responseTimeout,
            Duration poolAcquireTimeout,
            Duration attemptTimeout) {
        // the SDK's own response timeout replaces Reactor Netty's per-request handler (see ResponseTimeout)
        this.http = http.responseTimeout(null);
        this.responseTimeoutNanos = Timeouts.capped(responseTimeout).toNanos();
        this.attemptTimeoutNanos = Timeouts.capped(attemptTimeout).toNanos();
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.poolAcquireTimeout = poolAcquireTimeout;
        this.attemptTimeout = attemptTimeout;
    }

    @Override
    public <R> Flux<R> exchange(Attempt call, ResponseReader<R> reader) {
        return Flux.deferContextual(context -> {
            Lifecycle.Guarded guarded = context.getOrDefault(Lifecycle.GUARDED, null);
            FirmafonException closed = guarded == null ? null : guarded.closedBeforeAttempt();
            if (closed != null) {
                return Flux.error(closed); // the client closed: no attempt starts, not even a retry
            }
            SentFlag sent = new SentFlag(guarded);
            // Reactor Netty (and its DEBUG log) sees the URI without a query-parameter credential; CredentialQuery
            // adds it to the request line on the connection, where no logger reads it
            return http.request(METHODS[call.method().ordinal()])
                    .uri(call.uriWithoutCredential())
                    .send((request, outbound) -> send(call, request, outbound, sent))
                    .response((response, body) -> {
                        NettyResponse netty = new NettyResponse(response, body);
                        return reader.read(call, netty, netty);
                    })
                    .onErrorMap(e -> !(e instanceof FirmafonException), e -> failure(call, e, sent.sent));
        });
    }

    private org.reactivestreams.Publisher<Void> send(
            Attempt call, HttpClientRequest request, NettyOutbound outbound, SentFlag sent) {
        FirmafonException closed = sent.closedBeforeWriting();
        if (closed != null) {
            // the client closed while this attempt waited for its connection: nothing of it is written
            return Mono.error(closed);
        }
        sent.set();
        Credential credential = call.credential();
        outbound.withConnection(connection -> {
            ResponseTimeout.apply(
                    connection,
                    // a request's own timeout longer than the response timeout also allows that much silence (a
                    // long poll holds its answer back on purpose)
                    Math.max(responseTimeoutNanos, call.attemptNanos()),
                    call.attemptNanos() >= 0 ? call.attemptNanos() : attemptTimeoutNanos,
                    call.binary());
            CredentialQuery.apply(connection, call.credentialParameter());
        });
        String[] headers = call.headers();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (credential != null && credential.placement() == Credential.Placement.HEADER) {
            request.header(credential.name(), credential.value());
        }
        if (call.binary()) {
            request.header(HttpHeaderNames.ACCEPT, ANY);
        }
        byte[] body = call.body();
        if (body == null) {
            return outbound;
        }
        if (body.length > 0 && !request.requestHeaders().contains(HttpHeaderNames.CONTENT_TYPE)) {
            request.header(HttpHeaderNames.CONTENT_TYPE, JSON); // a token request's form sets its own
        }
        request.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
        return outbound.send(Mono.just(Unpooled.wrappedBuffer(body)));
    }

    private FirmafonException failure(Attempt call, Throwable e, boolean sent) {
        String what;
        FirmafonIoException.Kind kind;
        if (e instanceof ReadTimeoutException) {
            kind = FirmafonIoException.Kind.RESPONSE_TIMEOUT;
            what = "no response within " + Timeouts.describe(responseTimeout) + " (responseTimeout)";
        } else if (e instanceof AttemptTimeoutException) {
            kind = FirmafonIoException.Kind.ATTEMPT_TIMEOUT;
            boolean own = call.attemptNanos() >= 0;
            String setting = own ? "the request's timeout" : "attemptTimeout";
            what = "the exchange did not end within "
                    + Timeouts.describe(own ? Duration.ofNanos(call.attemptNanos()) : attemptTimeout)
                    + " of sending the request"
                    + (call.binary()
                            ? " (" + setting + "; for a download, until the response head)"
                            : " (" + setting + ")");
        } else if (e instanceof SslHandshakeTimeoutException) {
            kind = FirmafonIoException.Kind.TLS_HANDSHAKE_TIMEOUT;
            what = "the TLS handshake did not complete within " + Timeouts.describe(connectTimeout)
                    + " (connectTimeout)";
        } else if (Tls.isVerificationFailure(e)) {
            return Tls.verificationFailure(call.describe() + " failed: ", e);
        } else if (e instanceof ConnectTimeoutException) {
            kind = FirmafonIoException.Kind.CONNECT_TIMEOUT;
            what = "could not connect within " + Timeouts.describe(connectTimeout) + " (connectTimeout)";
        } else if (e instanceof TimeoutException && !sent) {
            kind = FirmafonIoException.Kind.POOL_ACQUIRE_TIMEOUT;
            what = "no pooled connection became free within " + Timeouts.describe(poolAcquireTimeout)
                    + " (poolAcquireTimeout; raise maxConnections or lower concurrency)";
        } else if (isPendingLimit(e)) {
            kind = FirmafonIoException.Kind.POOL_PENDING_LIMIT;
            what = "too many requests are already waiting for a pooled connection (the pool's pending-acquire limit"
                    + pendingLimit(e) + "; raise it or lower concurrency)";
        } else if (isPoolShutdown(e)) {
            // the pool was disposed under the request (a client closing, or a host disposing the resources the pool
            // ran on): another attempt would find no pool either, so it is not retried
            kind = FirmafonIoException.Kind.OTHER;
            what = "the connection pool was shut down" + (sent ? "" : " before the request was sent");
        } else if (e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof UnresolvedAddressException
                || e instanceof NoRouteToHostException) {
            kind = FirmafonIoException.Kind.CONNECT;
            what = "could not connect (" + e.getClass().getSimpleName() + ")";
        } else if (e instanceof PrematureCloseException) {
            kind = FirmafonIoException.Kind.CONNECTION_CLOSED;
            what = "the connection was closed before the response was complete";
        } else if (e instanceof DecoderException || e instanceof IllegalArgumentException) {
            // Netty's HTTP decoder fails a response head it cannot accept (a duplicate, negative or non-numeric
            // Content-Length, a bad header) with a DecoderException or, for Content-Length, an IllegalArgumentException
            kind = FirmafonIoException.Kind.MALFORMED_RESPONSE;
            what = "the response was not valid HTTP"
                    + (e.getMessage() == null ? "" : " (" + Redaction.excerpt(e.getMessage(), 120) + ")");
        } else {
            kind = sent ? FirmafonIoException.Kind.CONNECTION_CLOSED : FirmafonIoException.Kind.CONNECT;
            what = "the connection failed (" + e.getClass().getSimpleName() + ")";
        }
        return new FirmafonIoException(call.describe() + " failed: " + what + call.attemptsSuffix(), e, kind, sent);
    }

    /**
     * Whether the pool refused to queue the acquisition: Reactor Netty's pool raises its own
     * {@code PoolAcquirePendingLimitException}, which it ships only in a shaded package; the SDK recognises it by name
     * rather than depend on a shaded class.
     */
    private static boolean isPendingLimit(Throwable e) {
        return e.getClass().getSimpleName().equals("PoolAcquirePendingLimitException");
    }

    /** Whether the pool was disposed: {@code PoolShutdownException}, also shipped only in a shaded package. */
    private static boolean isPoolShutdown(Throwable e) {
        return e.getClass().getSimpleName().equals("PoolShutdownException");
    }

    /** {@code " of 10"}, the limit as the pool's message states it, or empty. */
    private static String pendingLimit(Throwable e) {
        String message = e.getMessage();
        java.util.regex.Matcher limit = message == null
                ? null
                : java.util.regex.Pattern.compile("(\\d+)").matcher(message);
        return limit != null && limit.find() ? " of " + limit.group(1) : "";
    }

    /**
     * Set once this attempt starts being written: from then on it may have reached the server. Also sets the flag of
     * the whole request its {@link Lifecycle} watches, if any.
     */
    private static final class SentFlag {
        private final Lifecycle.@Nullable Guarded request;
        volatile boolean sent;

        SentFlag(Lifecycle.@Nullable Guarded request) {
            this.request = request;
        }

        @Nullable
        FirmafonException closedBeforeWriting() {
            return request == null ? null : request.closedBeforeAttempt();
        }

        void set() {
            sent = true;
            if (request != null) {
                request.markWritten();
            }
        }
    }
}
