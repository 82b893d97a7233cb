package dk.firmafon.auth;

import reactor.core.publisher.Mono;

/**
 * OAuth tokens that another component obtains and keeps, such as Spring Security's authorized-client manager for
 * the signed-in user: the SDK then only sends them. Turn one into a strategy with
 * {@link OAuth2Auth#external(String, ExternalTokens)}.
 *
 * <p>Both methods are called on each request (or 401) and may read the subscriber's Reactor context, where a web
 * framework keeps the current user. Neither may block.
 */
public interface ExternalTokens {
    /**
     * The current access token. Fails with {@link dk.firmafon.error.ReauthorizationRequiredException} (or completes
     * empty, which the SDK turns into that) when there is none: the user must sign in again.
     */
    Mono<OAuthToken> token();

    /**
     * The API answered 401 to {@code accessToken}: forget it wherever it is kept.
     *
     * @return {@code true} when a different token can be obtained now (the request is replayed once), else
     *     {@code false}
     */
    Mono<Boolean> rejected(String accessToken);
}
