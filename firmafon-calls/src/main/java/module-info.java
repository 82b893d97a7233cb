/** Call history, live call control and click-to-call. */
module dk.firmafon.calls {
    requires transitive dk.firmafon.core;
    requires static org.immutables.value;
}
