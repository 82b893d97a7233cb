/** The voice-mails client and its listing query. */
@NullMarked
package dk.firmafon.voicemails;

import org.jspecify.annotations.NullMarked;
