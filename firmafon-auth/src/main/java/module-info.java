/**
 * Authentication for the Firmafon SDK: the three {@link dk.firmafon.auth.AuthStrategy} kinds and the OAuth 2.0
 * authorization-code flow with its non-blocking token exchange, on the foundation's errors and settings.
 */
module dk.firmafon.auth {
    requires transitive dk.firmafon.foundation;
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
    // the Netty network helpers and the token transport: the transport applies them to API calls too
    exports dk.firmafon.auth.internal to
            dk.firmafon.core;
}
