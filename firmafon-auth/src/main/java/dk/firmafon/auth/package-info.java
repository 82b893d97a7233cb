/**
 * Authentication strategies and the OAuth 2.0 authorization-code flow.
 *
 * <p>Start with {@link dk.firmafon.auth.AuthStrategy#bearer(String)} for a personal access token, or
 * {@link dk.firmafon.auth.OAuth2Auth} when an application acts for Firmafon users.
 */
@NullMarked
package dk.firmafon.auth;

import org.jspecify.annotations.NullMarked;
