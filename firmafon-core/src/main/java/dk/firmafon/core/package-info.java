/** core. */
@NullMarked
package dk.firmafon.core;

import org.jspecify.annotations.NullMarked;
