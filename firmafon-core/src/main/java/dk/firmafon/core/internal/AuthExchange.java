package dk.firmafon.core.internal;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.Credential;
import dk.firmafon.error.AuthenticationException;
import dk.firmafon.error.FirmafonSecurityException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies the strategy's credential on every attempt. On 401 it invalidates the rejected credential and, only when
 * the strategy says it can obtain another one, replays the request once with the new credential; a second 401 (or
 * a strategy that cannot renew) ends in the {@link AuthenticationException}. Refuses, before asking for a
 * credential, a request whose URI must not receive one.
 */
public final class AuthExchange implements Exchange {
    private final Exchange delegate;
    private final AuthStrategy auth;

    public AuthExchange(Exchange delegate, AuthStrategy auth) {
        this.delegate = delegate;
        this.auth = auth;
    }

    @Override
    public <R> Flux<R> exchange(Call call, ResponseReader<R> reader) {
        String refusal = call.refusal();
        if (refusal != null) {
            return Flux.error(new FirmafonSecurityException(refusal));
        }
        return credential(call).flatMapMany(credential -> delegate.exchange(call.withCredential(credential), reader)
                .onErrorResume(AuthenticationException.class, rejected -> auth.invalidate(credential)
                        .defaultIfEmpty(Boolean.FALSE)
                        .flatMapMany(renewed -> renewed
                                ? credential(call).flatMapMany(fresh ->
                                        delegate.exchange(call.withCredential(fresh), reader))
                                : Flux.error(rejected))));
    }

    private Mono<Credential> credential(Call call) {
        return auth.credential().switchIfEmpty(Mono.error(() -> new FirmafonSecurityException(
                call.method() + " " + call.redactedUri() + ": the auth strategy produced no credential")));
    }
}
