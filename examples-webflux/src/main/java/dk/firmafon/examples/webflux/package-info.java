/**
 * A Spring Boot WebFlux application composing the SDK: "sign in with Firmafon" through the OAuth code flow (state
 * checked, the user's token kept per web session in the SDK's {@link dk.firmafon.auth.TokenStore}), then the
 * signed-in user's recent calls streamed as newline-delimited JSON.
 */
@NullMarked
package dk.firmafon.examples.webflux;

import org.jspecify.annotations.NullMarked;
