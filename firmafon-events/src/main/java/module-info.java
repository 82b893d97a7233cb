/** Live call and presence events: the Faye feed, polling and webhooks, with gaps made visible. */
module dk.firmafon.events {
    requires transitive dk.firmafon.core;
    requires transitive dk.firmafon.calls;
    requires transitive dk.firmafon.employees;
    requires org.slf4j;

    exports dk.firmafon.events;
}
