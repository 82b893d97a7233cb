/**
 * The SDK's unchecked exception tree, rooted at {@link dk.firmafon.error.FirmafonException}. Every module
 * delivers these in the reactive stream; none is thrown from a method that returns {@code Mono} or {@code Flux}.
 */
@NullMarked
package dk.firmafon.error;

import org.jspecify.annotations.NullMarked;
