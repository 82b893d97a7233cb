package dk.firmafon.auth;

import reactor.core.publisher.Mono;

/**
 * OAuth 2.0 authorization-code flow, bound to one user's tokens. Work in progress (issue #2): the flow, token
 * store and refresh live here.
 */
public final class OAuth2Auth implements AuthStrategy {
    private OAuth2Auth() {
    }

    @Override
    public Mono<Credential> credential() {
        return Mono.error(new UnsupportedOperationException("OAuth2Auth is not implemented yet (issue #2)"));
    }

    @Override
    public Mono<Boolean> invalidate(Credential rejected) {
        return Mono.just(Boolean.FALSE);
    }
}
