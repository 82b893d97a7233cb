/** The voice-mails client. */
@NullMarked
package dk.firmafon.voicemails;

import org.jspecify.annotations.NullMarked;
