/**
 * The SDK's unchecked exception tree, rooted at {@link dk.firmafon.error.FirmafonException}. Every module
 * delivers these in the reactive stream; none is thrown from a method that returns {@code Mono} or {@code Flux}.
 *
 * <p>The OAuth 2.0 flow's errors share the root {@link dk.firmafon.error.OAuthException}: an unusable callback
 * ({@link dk.firmafon.error.OAuthCallbackException}, with {@link dk.firmafon.error.AuthorizationErrorException} for
 * {@code error=access_denied} and the like and {@link dk.firmafon.error.StateMismatchException}), an answer of the
 * token endpoint that is not a token ({@link dk.firmafon.error.TokenEndpointException}), and a user who must
 * authorize the application again ({@link dk.firmafon.error.ReauthorizationRequiredException}).
 */
@NullMarked
package dk.firmafon.error;

import org.jspecify.annotations.NullMarked;
