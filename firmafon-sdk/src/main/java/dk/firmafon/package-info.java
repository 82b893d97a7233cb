/** The SDK's one convenient entry point. */
@NullMarked
package dk.firmafon;

import org.jspecify.annotations.NullMarked;
