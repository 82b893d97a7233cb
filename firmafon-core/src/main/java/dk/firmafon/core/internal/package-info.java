/** core.internal. */
@NullMarked
package dk.firmafon.core.internal;

import org.jspecify.annotations.NullMarked;
