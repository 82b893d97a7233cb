/**
 * Authentication for the Firmafon API: the three {@link dk.firmafon.auth.AuthStrategy} kinds and the OAuth 2.0
 * authorization-code flow.
 *
 * <ul>
 *   <li>A personal access token: {@link dk.firmafon.auth.AuthStrategy#bearer(String)} (recommended),
 *       {@link dk.firmafon.auth.AuthStrategy#basic(String)}, or, only when a header cannot be sent,
 *       {@link dk.firmafon.auth.AuthStrategy#queryParameter(String)}.</li>
 *   <li>An application acting for Firmafon users: an {@link dk.firmafon.auth.OAuth2Client}, configured once, makes
 *       the {@link dk.firmafon.auth.AuthorizationRequest} (state and PKCE), reads the callback into an
 *       {@link dk.firmafon.auth.AuthorizationCode}, exchanges it for an {@link dk.firmafon.auth.OAuthToken} kept in a
 *       {@link dk.firmafon.auth.TokenStore}, and hands out one {@link dk.firmafon.auth.OAuth2Auth} per user, which
 *       refreshes ahead of expiry (once for all concurrent callers) and tells a
 *       {@link dk.firmafon.auth.TokenListener} about every new token.</li>
 * </ul>
 *
 * <p>Nothing here blocks, and no secret (client secret, token, code, PKCE verifier) appears in a
 * {@code toString()}, a log line or an exception message. Errors are in {@link dk.firmafon.error}.
 */
@NullMarked
package dk.firmafon.auth;

import org.jspecify.annotations.NullMarked;
