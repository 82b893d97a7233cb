/** Call history, live call control and click-to-call. */
module dk.firmafon.calls {
    requires transitive dk.firmafon.core;
    requires transitive org.immutables.value.annotations;

    exports dk.firmafon.calls;
    exports dk.firmafon.calls.model;

    opens dk.firmafon.calls.model to
            com.fasterxml.jackson.databind;
}
