package dk.firmafon.auth;

import reactor.core.publisher.Mono;

/**
 * How requests to Firmafon are authenticated. Exactly three kinds exist, matching the API:
 * <ul>
 *   <li>{@link OAuth2Auth}: the OAuth 2.0 authorization-code flow, for applications acting for Firmafon users;</li>
 *   <li>{@link AccessTokenAuth}: a one-off access token a user created, sent as {@code Authorization: Bearer}
 *       (or, only when asked for explicitly, as the {@code access_token} query parameter);</li>
 *   <li>{@link BasicAuth}: HTTP Basic with the token as user name and an empty password.</li>
 * </ul>
 *
 * <p>The contract with the transport is small: before every attempt of a request the transport subscribes to
 * {@link #credential()} and applies the result; when the API answers 401 it calls {@link #invalidate(Credential)}
 * and replays the request once if, and only if, that returns {@code true}. Neither method blocks.
 */
public sealed interface AuthStrategy permits OAuth2Auth, AccessTokenAuth, BasicAuth {

    /**
     * The credential for the next request. Cheap for static tokens; for OAuth it may exchange or refresh a token
     * (concurrent subscribers share one acquisition). Errors are {@link dk.firmafon.error.FirmafonException}s.
     */
    Mono<Credential> credential();

    /**
     * Tells the strategy that the API rejected {@code rejected} with 401: drop it from any cache.
     *
     * @return {@code true} when the strategy can obtain a different credential (the caller may replay the
     *     request once), {@code false} when it cannot (the caller fails with an authentication error)
     */
    Mono<Boolean> invalidate(Credential rejected);

    /** A personal access token sent as {@code Authorization: Bearer TOKEN}: the recommended default. */
    static AccessTokenAuth bearer(String token) {
        return AccessTokenAuth.bearer(token);
    }

    /**
     * A personal access token sent as the {@code access_token} query parameter. The token then ends up in
     * server and proxy logs: use it only where a header cannot be sent.
     */
    static AccessTokenAuth queryParameter(String token) {
        return AccessTokenAuth.queryParameter(token);
    }

    /** A personal access token sent as HTTP Basic: {@code Authorization: Basic base64("TOKEN:")}. */
    static BasicAuth basic(String token) {
        return BasicAuth.of(token);
    }
}
