/**
 * A small service of the kind an application builds on the SDK, and (in the tests) how to test it with the
 * testkit and {@code StepVerifier}.
 */
@NullMarked
package dk.firmafon.examples.missedcalls;

import org.jspecify.annotations.NullMarked;
