/**
 * A Spring Boot WebFlux application on the Firmafon starter: "sign in with Firmafon" through Spring Security's
 * {@code oauth2Login()}, the signed-in user's recent calls streamed as newline-delimited JSON by the starter's
 * {@code Firmafon} bean, verified webhook deliveries, and every API call in Actuator's metrics.
 */
@NullMarked
package dk.firmafon.examples.webflux;

import org.jspecify.annotations.NullMarked;
