/** Contacts: extra facts about phone numbers (look up by number, create, get, update, delete). */
module dk.firmafon.contacts {
    requires transitive dk.firmafon.core;
    requires transitive org.immutables.value.annotations;

    exports dk.firmafon.contacts;
    exports dk.firmafon.contacts.model;

    opens dk.firmafon.contacts.model to
            com.fasterxml.jackson.databind;
}
