/** The feed session, the polling source and their helpers; not part of the API. */
@NullMarked
package dk.firmafon.events.internal;

import org.jspecify.annotations.NullMarked;
