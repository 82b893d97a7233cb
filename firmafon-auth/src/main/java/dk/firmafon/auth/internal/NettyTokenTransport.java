package dk.firmafon.auth.internal;

import dk.firmafon.error.FirmafonException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.foundation.internal.Redaction;
import dk.firmafon.foundation.internal.SdkVersion;
import dk.firmafon.foundation.internal.Timeouts;
import dk.firmafon.foundation.internal.TransportSettings;
import dk.firmafon.net.NetworkSettings;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The token transport of an {@code OAuth2Client} built on its own: Reactor Netty on a small pool it owns, configured
 * with the client's {@link TransportSettings} (network, connect, response and attempt timeouts).
 */
public final class NettyTokenTransport implements TokenTransport {
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
    private static final int EXCERPT_CHARS = 200;

    private final ConnectionProvider connections;
    private final HttpClient http;
    private final Duration connectTimeout;
    private final Duration attemptTimeout;

    /** A transport for the token endpoint at {@code tokenUri} (its scheme decides TLS). */
    public NettyTokenTransport(URI tokenUri, TransportSettings settings) {
        this.connectTimeout = settings.connectTimeout();
        this.attemptTimeout = Timeouts.capped(settings.attemptTimeout());
        this.connections = ConnectionProvider.builder("firmafon-oauth")
                .maxConnections(16)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        NetworkSettings network = settings.network();
        String userAgent = Network.userAgent(network, SdkVersion.USER_AGENT);
        this.http = Network.configure(
                        HttpClient.create(connections)
                                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Timeouts.connectMillis(connectTimeout))
                                .followRedirect(false)
                                .headers(headers -> headers.set(HttpHeaderNames.USER_AGENT, userAgent)),
                        network,
                        tokenUri.getScheme(),
                        connectTimeout)
                .responseTimeout(Timeouts.capped(settings.responseTimeout()));
    }

    @Override
    public Mono<Answer> post(Post post) {
        byte[] body = post.form() != null ? post.form() : new byte[0];
        return http.headers(headers -> {
                    headers.set(HttpHeaderNames.ACCEPT, "application/json");
                    headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                    if (post.form() != null) {
                        headers.set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded");
                    }
                    if (post.authorization() != null) {
                        headers.set(HttpHeaderNames.AUTHORIZATION, post.authorization());
                    }
                })
                .doOnRequest((request, connection) -> CredentialQuery.apply(connection, post.queryCredential()))
                .post()
                .uri(post.uri())
                .send((request, out) -> out.sendByteArray(Mono.just(body)))
                .response((response, content) -> read(
                        post,
                        response.status().code(),
                        response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH),
                        content))
                .next()
                .timeout(
                        attemptTimeout,
                        Mono.error(() -> new FirmafonIoException(
                                "POST " + post.printableUri()
                                        + " failed: the token endpoint did not answer in full within "
                                        + Timeouts.describe(attemptTimeout) + " (attemptTimeout)",
                                null,
                                FirmafonIoException.Kind.ATTEMPT_TIMEOUT,
                                true)),
                        Schedulers.parallel())
                .onErrorMap(e -> !(e instanceof FirmafonException), e -> ioFailure(post.printableUri(), e));
    }

    /** The answer's body as text, refusing (and not reading) one over {@code post.maxBytes()}. */
    private static Mono<Answer> read(Post post, int status, @Nullable String contentLength, ByteBufFlux content) {
        if (contentLength != null && declaredLength(contentLength) > post.maxBytes()) {
            return Mono.error(post.tooLarge().apply(status, contentLength.trim() + " bytes declared"));
        }
        long[] seen = {0};
        return ByteBufFlux.fromInbound(content.handle((buffer, sink) -> {
                    seen[0] += buffer.readableBytes();
                    if (seen[0] > post.maxBytes()) {
                        sink.error(post.tooLarge().apply(status, "more arrived"));
                    } else {
                        sink.next(buffer);
                    }
                }))
                .aggregate()
                .asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .map(text -> new Answer(status, text));
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private FirmafonException ioFailure(String printableUri, Throwable cause) {
        if (Tls.isVerificationFailure(cause)) {
            return Tls.verificationFailure("POST " + printableUri + " failed: ", cause);
        }
        if (cause instanceof SslHandshakeTimeoutException) {
            return new FirmafonIoException(
                    "POST " + printableUri + " failed: the TLS handshake did not complete " + "within "
                            + Timeouts.describe(connectTimeout) + " (connectTimeout)",
                    cause,
                    FirmafonIoException.Kind.TLS_HANDSHAKE_TIMEOUT,
                    false);
        }
        String detail = cause.getMessage() == null
                ? ""
                : ": " + Redaction.excerpt(Redaction.uri(cause.getMessage()), EXCERPT_CHARS);
        LOG.debug("POST {} failed: {}{}", printableUri, cause.getClass().getSimpleName(), detail);
        return new FirmafonIoException(
                "POST " + printableUri + " failed: " + cause.getClass().getSimpleName() + detail, cause);
    }

    /** Disposes the pool; does not block. */
    @Override
    public void close() {
        connections.dispose();
    }
}
