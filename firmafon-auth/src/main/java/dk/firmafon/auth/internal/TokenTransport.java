package dk.firmafon.auth.internal;

import java.net.URI;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * How a token request travels: the seam between the OAuth token exchange (which builds the form and reads the
 * answer, in {@link TokenEndpoint}) and a transport. An {@code OAuth2Client} built on its own uses
 * {@link NettyTokenTransport} (a small pool of its own); one from {@code FirmafonClient.oauth2Client()} gets
 * firmafon-core's, which sends the POST through the API client's own pipeline (its pool, network settings,
 * timeouts, logging, listener and lifecycle). Neither side's types appear in the other's public API.
 */
public interface TokenTransport extends AutoCloseable {

    /**
     * One token request, ready to send.
     *
     * @param uri the token endpoint, as {@link java.net.URI} parsed it
     * @param printableUri the URI redacted, for messages
     * @param form the form body ({@code application/x-www-form-urlencoded}), or null when the parameters go in the
     *     query
     * @param queryCredential the form-encoded parameters to add to the request line on the connection (never given
     *     to a library that logs URIs), or null
     * @param authorization the {@code Authorization} header value (client_secret_basic), or null
     * @param maxBytes the largest body read
     * @param tooLarge the error for a body over {@code maxBytes}, given the status and what showed it
     */
    record Post(
            URI uri,
            String printableUri,
            byte @Nullable [] form,
            @Nullable String queryCredential,
            @Nullable String authorization,
            int maxBytes,
            BiFunction<Integer, String, RuntimeException> tooLarge) {}

    /** The status and body (UTF-8) of the answer, whatever the status. */
    record Answer(int status, String body) {}

    /**
     * Sends {@code post} once (never retried here) and answers the response, or fails with a
     * {@link dk.firmafon.error.FirmafonIoException} (of its kind) or {@link dk.firmafon.error.FirmafonTlsException}
     * when no answer came.
     */
    Mono<Answer> post(Post post);

    /** Releases what this transport owns; a shared transport stays open. Does not block. */
    @Override
    void close();
}
