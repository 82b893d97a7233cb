/**
 * What every module of the Firmafon SDK builds on: the exception tree ({@link dk.firmafon.error}), the settings both
 * clients share ({@link dk.firmafon.net}: network, proxy, retry policy) and, internal to the SDK, the rules written
 * once: redaction, argument checks, timeouts, retries and {@code Retry-After}, the SDK's version.
 */
module dk.firmafon.foundation {
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires transitive org.jspecify;
    requires org.slf4j;
    requires transitive org.immutables.value.annotations;

    exports dk.firmafon.error;
    exports dk.firmafon.net;
    // the shared rules, written once: every SDK module that checks a setting or redacts applies them from here
    exports dk.firmafon.foundation.internal to
            dk.firmafon.auth,
            dk.firmafon.core,
            dk.firmafon.events,
            dk.firmafon.tokenstore.redis,
            dk.firmafon.tokenstore.sql;
}
