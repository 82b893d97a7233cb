package dk.firmafon.core.internal;

import dk.firmafon.auth.AccessTokenAuth;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.BasicAuth;
import dk.firmafon.auth.Credential;
import dk.firmafon.auth.OAuth2Auth;
import dk.firmafon.error.AuthenticationException;
import dk.firmafon.error.FirmafonSecurityException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies the strategy's credential on every attempt. On 401 it invalidates the rejected credential and, only when
 * the strategy says it can obtain another one, replays the request once with the new credential; a second 401 (or
 * a strategy that cannot renew) ends in the {@link AuthenticationException}. Refuses, before asking for a
 * credential, a request whose URI must not receive one.
 *
 * <p>A static token ({@link dk.firmafon.auth.AccessTokenAuth}, {@link dk.firmafon.auth.BasicAuth}) has one
 * credential for the client's life and can never renew it: it is read once, here, and applied without subscribing
 * to the strategy on every attempt.
 */
public final class AuthExchange implements Exchange {
    private final Exchange delegate;
    private final AuthStrategy auth;
    /** The credential of a strategy that has only one and cannot renew it, else {@code null}. */
    private final @Nullable Credential constant;

    public AuthExchange(Exchange delegate, AuthStrategy auth) {
        this.delegate = delegate;
        this.auth = auth;
        this.constant = constant(auth);
    }

    /**
     * The one credential of a static strategy ({@link AccessTokenAuth}, {@link BasicAuth}: the sealed kinds that never
     * renew it); {@code null} for {@link OAuth2Auth}. A static strategy's {@code credential()} is an already completed
     * {@code Mono}: reading it through a future completes at once, and never waits.
     */
    static @Nullable Credential constant(AuthStrategy auth) {
        if (auth instanceof AccessTokenAuth || auth instanceof BasicAuth) {
            return auth.credential().toFuture().getNow(null);
        }
        return null;
    }

    @Override
    public <R> Flux<R> exchange(Attempt call, ResponseReader<R> reader) {
        String refusal = call.refusal();
        if (refusal != null) {
            return Flux.error(new FirmafonSecurityException(refusal));
        }
        if (constant != null) {
            // a 401 needs no handling here: invalidating a static token renews nothing, the error stands as it is
            return delegate.exchange(call.withCredential(constant), reader);
        }
        return credential(call).flatMapMany(credential -> delegate.exchange(call.withCredential(credential), reader)
                .onErrorResume(AuthenticationException.class, rejected -> auth.invalidate(credential)
                        .defaultIfEmpty(Boolean.FALSE)
                        .flatMapMany(renewed -> renewed
                                ? credential(call)
                                        .flatMapMany(fresh -> delegate.exchange(call.withCredential(fresh), reader))
                                : Flux.error(rejected))));
    }

    private Mono<Credential> credential(Attempt call) {
        return auth.credential()
                .switchIfEmpty(Mono.error(() -> new FirmafonSecurityException(
                        call.method() + " " + call.redactedUri() + ": the auth strategy produced no credential")));
    }
}
