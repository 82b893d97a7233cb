/** Firmafon's system announcements: {@link dk.firmafon.announcements.AnnouncementsClient}. */
module dk.firmafon.announcements {
    requires transitive dk.firmafon.core;
    requires transitive org.immutables.value.annotations;

    exports dk.firmafon.announcements;
    exports dk.firmafon.announcements.model;

    opens dk.firmafon.announcements.model to
            com.fasterxml.jackson.databind;
}
