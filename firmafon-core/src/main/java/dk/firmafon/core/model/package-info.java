/** core.model. */
@NullMarked
package dk.firmafon.core.model;

import org.jspecify.annotations.NullMarked;
