package dk.firmafon.net;

import dk.firmafon.foundation.internal.Checks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * How the SDK reaches the network, set once and applied to every connection it opens: API calls, downloads, the
 * OAuth token endpoint and the live-events feed. Immutable; {@link #toBuilder()} gives a builder to derive a variant.
 * {@code toString()} shows no secret.
 *
 * <pre>{@code
 * NetworkSettings network = NetworkSettings.builder()
 *         .proxy(HttpProxy.of("proxy.corp.example", 3128).withCredentials("svc", password))
 *         .trustedCertificates(Path.of("/etc/ssl/corp-ca.pem"))   // the corporate TLS-inspecting CA
 *         .userAgent("myapp/1.2")                                  // sent as "myapp/1.2 firmafon-java-sdk/<version>"
 *         .build();
 * Firmafon firmafon = Firmafon.builder().auth(auth).client(c -> c.network(network)).build();
 * }</pre>
 *
 * <p>Defaults: no proxy (the JVM's and the environment's proxy settings are read only with
 * {@link Builder#systemProxy(boolean)}), the JDK's trusted CAs, the TLS protocols the JDK enables, no response
 * compression, the SDK's own {@code User-Agent}.
 */
public final class NetworkSettings {
    private static final NetworkSettings DEFAULTS = new Builder().build();

    private final @Nullable HttpProxy proxy;
    private final boolean systemProxy;
    private final @Nullable Path trustedCertificates;
    private final @Nullable TrustManagerFactory trustManagerFactory;
    private final @Nullable Path clientCertificateChain;
    private final @Nullable Path clientPrivateKey;
    private final @Nullable KeyManagerFactory keyManagerFactory;
    private final List<String> tlsProtocols;
    private final boolean compression;
    private final @Nullable String userAgent;

    private NetworkSettings(Builder b) {
        this.proxy = b.proxy;
        this.systemProxy = b.systemProxy;
        this.trustedCertificates = b.trustedCertificates;
        this.trustManagerFactory = b.trustManagerFactory;
        this.clientCertificateChain = b.clientCertificateChain;
        this.clientPrivateKey = b.clientPrivateKey;
        this.keyManagerFactory = b.keyManagerFactory;
        this.tlsProtocols = List.copyOf(b.tlsProtocols);
        this.compression = b.compression;
        this.userAgent = b.userAgent;
    }

    /** The defaults: direct connections, the JDK's trust, no compression, the SDK's {@code User-Agent}. */
    public static NetworkSettings defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.proxy = proxy;
        b.systemProxy = systemProxy;
        b.trustedCertificates = trustedCertificates;
        b.trustManagerFactory = trustManagerFactory;
        b.clientCertificateChain = clientCertificateChain;
        b.clientPrivateKey = clientPrivateKey;
        b.keyManagerFactory = keyManagerFactory;
        b.tlsProtocols = tlsProtocols;
        b.compression = compression;
        b.userAgent = userAgent;
        return b;
    }

    /** The explicit proxy, if one was set. */
    public Optional<HttpProxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** Whether the JVM's proxy properties and the {@code HTTPS_PROXY} environment convention are used. */
    public boolean systemProxy() {
        return systemProxy;
    }

    /** A PEM file of CA certificates trusted instead of the JDK's, if set. */
    public Optional<Path> trustedCertificates() {
        return Optional.ofNullable(trustedCertificates);
    }

    /** The trust managers used instead of the JDK's, if set. */
    public Optional<TrustManagerFactory> trustManagerFactory() {
        return Optional.ofNullable(trustManagerFactory);
    }

    /** The PEM certificate chain of the client certificate, if set. */
    public Optional<Path> clientCertificateChain() {
        return Optional.ofNullable(clientCertificateChain);
    }

    /** The PEM (PKCS#8) private key of the client certificate, if set. */
    public Optional<Path> clientPrivateKey() {
        return Optional.ofNullable(clientPrivateKey);
    }

    /** The key managers presenting a client certificate, if set. */
    public Optional<KeyManagerFactory> keyManagerFactory() {
        return Optional.ofNullable(keyManagerFactory);
    }

    /** The TLS protocols enabled ({@code TLSv1.3}, ...); empty for the JDK's default. */
    public List<String> tlsProtocols() {
        return tlsProtocols;
    }

    /** Whether responses are asked for compressed ({@code Accept-Encoding: gzip, deflate}) and decompressed. */
    public boolean compression() {
        return compression;
    }

    /** The application's product token, sent before the SDK's in {@code User-Agent}, if set. */
    public Optional<String> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    /** Whether any TLS setting differs from the JDK's defaults. */
    public boolean customTls() {
        return trustedCertificates != null
                || trustManagerFactory != null
                || clientCertificateChain != null
                || keyManagerFactory != null
                || !tlsProtocols.isEmpty();
    }

    @Override
    public String toString() {
        return "NetworkSettings{proxy=" + proxy + ", systemProxy=" + systemProxy
                + (trustedCertificates == null ? "" : ", trustedCertificates=" + trustedCertificates)
                + (trustManagerFactory == null ? "" : ", trustManagerFactory=" + trustManagerFactory.getAlgorithm())
                + (clientCertificateChain == null ? "" : ", clientCertificateChain=" + clientCertificateChain)
                + (keyManagerFactory == null ? "" : ", keyManagerFactory=" + keyManagerFactory.getAlgorithm())
                + (tlsProtocols.isEmpty() ? "" : ", tlsProtocols=" + tlsProtocols)
                + ", compression=" + compression + (userAgent == null ? "" : ", userAgent=" + userAgent) + "}";
    }

    /** Builds {@link NetworkSettings}. Setters throw {@link IllegalArgumentException} naming a bad argument. */
    public static final class Builder {
        private @Nullable HttpProxy proxy;
        private boolean systemProxy;
        private @Nullable Path trustedCertificates;
        private @Nullable TrustManagerFactory trustManagerFactory;
        private @Nullable Path clientCertificateChain;
        private @Nullable Path clientPrivateKey;
        private @Nullable KeyManagerFactory keyManagerFactory;
        private List<String> tlsProtocols = List.of();
        private boolean compression;
        private @Nullable String userAgent;

        private Builder() {}

        /** Connects through {@code proxy} (which wins over {@link #systemProxy(boolean)}). */
        public Builder proxy(HttpProxy proxy) {
            this.proxy = Checks.notNull("proxy", proxy);
            return this;
        }

        /**
         * Whether to use the system's proxy when no explicit one is set: the JVM properties {@code https.proxyHost}
         * / {@code https.proxyPort} (for https targets), {@code http.proxyHost} / {@code http.proxyPort} (for http),
         * {@code http.nonProxyHosts}; else the environment's {@code HTTPS_PROXY} / {@code HTTP_PROXY}
         * ({@code http://[user:password@]host:port}) and {@code NO_PROXY}, upper or lower case. Off by default.
         */
        public Builder systemProxy(boolean systemProxy) {
            this.systemProxy = systemProxy;
            return this;
        }

        /**
         * Trusts the CA certificates in this PEM file instead of the JDK's (a corporate CA, a test CA).
         *
         * @throws IllegalArgumentException when the file is null or not a readable file
         */
        public Builder trustedCertificates(Path pemFile) {
            this.trustedCertificates = readable("trustedCertificates", pemFile);
            this.trustManagerFactory = null;
            return this;
        }

        /** Uses these trust managers instead of the JDK's (a trust store loaded by the application). */
        public Builder trustManagerFactory(TrustManagerFactory trustManagerFactory) {
            this.trustManagerFactory = Checks.notNull("trustManagerFactory", trustManagerFactory);
            this.trustedCertificates = null;
            return this;
        }

        /**
         * Presents a client certificate: its PEM chain and PEM (PKCS#8) private key.
         *
         * @throws IllegalArgumentException when a file is null or not readable
         */
        public Builder clientCertificate(Path certificateChainPem, Path privateKeyPem) {
            this.clientCertificateChain = readable("clientCertificate chain", certificateChainPem);
            this.clientPrivateKey = readable("clientCertificate private key", privateKeyPem);
            this.keyManagerFactory = null;
            return this;
        }

        /** Presents the client certificate of these key managers. */
        public Builder keyManagerFactory(KeyManagerFactory keyManagerFactory) {
            this.keyManagerFactory = Checks.notNull("keyManagerFactory", keyManagerFactory);
            this.clientCertificateChain = null;
            this.clientPrivateKey = null;
            return this;
        }

        /**
         * Enables only these TLS protocols, e.g. {@code List.of("TLSv1.3")}.
         *
         * @throws IllegalArgumentException when the list is null, empty or holds a blank name
         */
        public Builder tlsProtocols(List<String> protocols) {
            Checks.notNull("tlsProtocols", protocols);
            if (protocols.isEmpty()) {
                throw new IllegalArgumentException("tlsProtocols must name at least one protocol");
            }
            protocols.forEach(p -> Checks.token("tlsProtocols entry", p));
            this.tlsProtocols = List.copyOf(protocols);
            return this;
        }

        /** Asks for compressed responses (gzip, deflate) and decompresses them; off by default. */
        public Builder compression(boolean compression) {
            this.compression = compression;
            return this;
        }

        /**
         * The application's product token(s), sent before the SDK's: {@code userAgent("myapp/1.2")} sends
         * {@code User-Agent: myapp/1.2 firmafon-java-sdk/<version>}.
         *
         * @throws IllegalArgumentException when blank or holding control characters
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = Checks.text("userAgent", userAgent).strip();
            return this;
        }

        /** The settings. */
        public NetworkSettings build() {
            return new NetworkSettings(this);
        }

        private static Path readable(String field, Path file) {
            Checks.notNull(field, file);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException(field + " must be a readable file, was: " + file);
            }
            return file;
        }
    }
}
