/** One entry point, {@link dk.firmafon.Firmafon}, from which every resource client of the SDK is reached. */
module dk.firmafon.sdk {
    requires transitive dk.firmafon.core;
    requires transitive dk.firmafon.calls;
    requires transitive dk.firmafon.employees;
    requires transitive dk.firmafon.announcements;
    requires transitive dk.firmafon.contacts;
    requires transitive dk.firmafon.events;
    requires transitive dk.firmafon.voicemails;

    exports dk.firmafon;
}
