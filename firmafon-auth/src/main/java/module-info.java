/**
 * Authentication for the Firmafon SDK: the three {@link dk.firmafon.auth.AuthStrategy} kinds, the OAuth 2.0
 * authorization-code flow with its non-blocking token exchange, and the exception tree every SDK module shares.
 */
module dk.firmafon.auth {
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires transitive org.jspecify;
    requires reactor.netty.core;
    requires reactor.netty.http;
    requires io.netty.codec.http;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.handler;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires transitive org.immutables.value.annotations;

    exports dk.firmafon.auth;
    exports dk.firmafon.error;
    exports dk.firmafon.net;
    exports dk.firmafon.auth.internal to
            dk.firmafon.core;
}
