package dk.firmafon.core.internal;

import dk.firmafon.auth.internal.TokenTransport;
import dk.firmafon.core.HttpMethod;
import dk.firmafon.foundation.internal.Checks;
import dk.firmafon.foundation.internal.Timeouts;
import dk.firmafon.foundation.internal.TransportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The token transport of an {@code OAuth2Client} from {@code FirmafonClient.oauth2Client()}: each token request is a
 * {@link Attempt} through the API client's own pipeline below authentication and retry (logging, the exchange
 * listener, the Reactor Netty exchange with its pool, proxy, TLS, response and attempt timeouts and failure kinds),
 * guarded by the API client's lifecycle. The API credential is never added (there is no auth step), and retries are
 * the token manager's, by the same engine. Owns nothing: {@link #close()} does nothing.
 */
public final class PipelineTokenTransport implements TokenTransport {
    private static final String[] FORM = {"Content-Type", "application/x-www-form-urlencoded"};

    private final Exchange exchange;
    private final UnaryOperator<Flux<Answer>> guard;
    private final long attemptNanos;

    /**
     * @param exchange the pipeline below authentication and retry ({@link Pipeline#unauthenticated})
     * @param guard refuses requests once the API client (or the one whose pool it shares) is closed
     * @param settings the OAuth client's transport settings: their attempt timeout bounds each token request
     */
    public PipelineTokenTransport(Exchange exchange, UnaryOperator<Flux<Answer>> guard, TransportSettings settings) {
        this.exchange = exchange;
        this.guard = guard;
        this.attemptNanos = Timeouts.capped(settings.attemptTimeout()).toNanos();
    }

    @Override
    public Mono<Answer> post(Post post) {
        return Mono.defer(() -> {
            String uri = Checks.canonical(post.uri());
            String[] headers = headers(post);
            Attempt call = Attempt.first(
                    HttpMethod.POST,
                    uri,
                    post.uri().getRawPath(),
                    post.form() != null ? post.form() : new byte[0],
                    false,
                    false,
                    null,
                    post.queryCredential(),
                    headers,
                    attemptNanos);
            Flux<Answer> answer = exchange.exchange(
                    call, (c, head, body) -> body.aggregate(post.maxBytes(), declared -> post.tooLarge()
                                    .apply(
                                            head.status(),
                                            declared >= 0 ? declared + " bytes declared" : "more arrived"))
                            .map(stream -> new Answer(head.status(), text(stream)))
                            .defaultIfEmpty(new Answer(head.status(), "")));
            return guard.apply(answer).next();
        });
    }

    private static String[] headers(Post post) {
        String[] form = post.form() != null ? FORM : new String[0];
        if (post.authorization() == null) {
            return form;
        }
        String[] headers = java.util.Arrays.copyOf(form, form.length + 2);
        headers[form.length] = "Authorization";
        headers[form.length + 1] = post.authorization();
        return headers;
    }

    private static String text(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nothing to release: the pool is the API client's. */
    @Override
    public void close() {}
}
