/** Voice mails: paged listing, get, mark heard / unheard, delete, and the recording as a byte stream or a file. */
module dk.firmafon.voicemails {
    requires transitive dk.firmafon.core;
    requires transitive org.immutables.value.annotations;

    exports dk.firmafon.voicemails;
    exports dk.firmafon.voicemails.model;

    opens dk.firmafon.voicemails.model to
            com.fasterxml.jackson.databind;
}
