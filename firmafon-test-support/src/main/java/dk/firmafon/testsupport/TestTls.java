package dk.firmafon.testsupport;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.time.Duration;
import java.time.Instant;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;

/** Certificates and TLS servers on loopback for the TLS tests (made with Netty's test PKI builder). */
public final class TestTls {
    private TestTls() {}

    /** A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, valid for a day. */
    public static X509Bundle selfSigned() {
        return make(
                "a self-signed certificate",
                () -> forLocalhost().setIsCertificateAuthority(true).buildSelfSigned());
    }

    /** A test certificate authority, valid for a day. */
    public static X509Bundle certificateAuthority() {
        return make("a test CA", () -> validForADay(new CertificateBuilder().subject("CN=Firmafon SDK test CA"))
                .setIsCertificateAuthority(true)
                .buildSelfSigned());
    }

    /** A server certificate for {@code 127.0.0.1} and {@code localhost} issued by {@code ca}. */
    public static X509Bundle issuedBy(X509Bundle ca) {
        return make(
                "a certificate issued by the test CA",
                () -> forLocalhost().addExtendedKeyUsageServerAuth().buildIssuedBy(ca));
    }

    private static CertificateBuilder forLocalhost() {
        return validForADay(new CertificateBuilder()
                .subject("CN=localhost")
                .addSanIpAddress("127.0.0.1")
                .addSanDnsName("localhost"));
    }

    private static CertificateBuilder validForADay(CertificateBuilder builder) {
        return builder.notBefore(Instant.now().minus(Duration.ofHours(1)))
                .notAfter(Instant.now().plus(Duration.ofDays(1)));
    }

    /** A certificate-making step that may throw anything. */
    @FunctionalInterface
    private interface Maker {
        X509Bundle make() throws Exception;
    }

    private static X509Bundle make(String what, Maker maker) {
        try {
            return maker.make();
        } catch (Exception e) {
            throw new IllegalStateException("could not make " + what, e);
        }
    }

    /** The PEM file of {@code ca}'s certificate (a temporary file, deleted on exit). */
    public static java.nio.file.Path pemFile(X509Bundle ca) {
        try {
            java.io.File file = ca.toTempRootCertPem();
            file.deleteOnExit();
            return file.toPath();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not write the CA's PEM file", e);
        }
    }

    /**
     * An HTTPS server on a free loopback port presenting {@code certificate}, answering every request with
     * {@code body}; counts the TCP connections it accepts in {@code connections}.
     */
    public static DisposableServer server(
            X509Bundle certificate, String body, java.util.concurrent.atomic.AtomicInteger connections) {
        try {
            Http11SslContextSpec spec = Http11SslContextSpec.forServer(certificate.toKeyManagerFactory());
            return HttpServer.create()
                    .host("127.0.0.1")
                    .port(0)
                    .secure(tls -> tls.sslContext((reactor.netty.tcp.SslProvider.GenericSslContextSpec<?>) spec))
                    .doOnChannelInit((observer, channel, remote) -> connections.incrementAndGet())
                    .handle((request, response) -> response.header("Content-Type", "application/json")
                            .sendString(reactor.core.publisher.Mono.just(body)))
                    .bindNow();
        } catch (Exception e) {
            throw new IllegalStateException("could not start a TLS test server", e);
        }
    }
}
