/** Firmafon API calls as Micrometer Observations: metrics by path template, spans, trace context on the wire. */
module dk.firmafon.micrometer {
    requires transitive dk.firmafon.core;
    requires transitive micrometer.observation;
    requires transitive micrometer.commons;

    exports dk.firmafon.micrometer;
}
