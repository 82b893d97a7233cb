/** Implementation details of the voice-mails client; not API. */
@NullMarked
package dk.firmafon.voicemails.internal;

import org.jspecify.annotations.NullMarked;
