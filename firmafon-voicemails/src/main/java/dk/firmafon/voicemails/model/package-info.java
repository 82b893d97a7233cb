/** Immutable voice-mail models and the listing query. */
@NullMarked
package dk.firmafon.voicemails.model;

import org.jspecify.annotations.NullMarked;
