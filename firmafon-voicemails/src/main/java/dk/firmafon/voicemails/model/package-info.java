/** Immutable voice-mail models. */
@NullMarked
package dk.firmafon.voicemails.model;

import org.jspecify.annotations.NullMarked;
