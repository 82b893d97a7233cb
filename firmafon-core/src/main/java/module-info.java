/**
 * The Firmafon SDK transport: one configured {@link dk.firmafon.core.FirmafonClient} that every resource module
 * stands on (Reactor Netty inside; JSON, errors, retries, paging, redaction).
 */
module dk.firmafon.core {
    requires transitive dk.firmafon.auth;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires reactor.netty.core;
    requires transitive reactor.netty
            .http; // NettyHttpClient, the one public type that mentions Netty, wraps its HttpClient
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.handler;
    requires org.slf4j;
    requires transitive org.immutables.value.annotations;

    exports dk.firmafon.core;
    exports dk.firmafon.core.model;
    exports dk.firmafon.core.netty;
    exports dk.firmafon.core.support to
            dk.firmafon.calls,
            dk.firmafon.employees,
            dk.firmafon.contacts,
            dk.firmafon.voicemails,
            dk.firmafon.announcements,
            dk.firmafon.events;

    opens dk.firmafon.core.model to
            com.fasterxml.jackson.databind;
}
