package dk.firmafon.auth.internal;

import dk.firmafon.foundation.internal.Timeouts;
import dk.firmafon.net.HttpProxy;
import dk.firmafon.net.NetworkSettings;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.tcp.SslProvider;
import reactor.netty.transport.ProxyProvider;

/**
 * Applies {@link NetworkSettings} to a Reactor Netty client: the one place where proxy, TLS, compression and the
 * TLS handshake timeout are set, for API calls and the token endpoint alike.
 */
public final class Network {
    private Network() {}

    /**
     * {@code http} configured by {@code settings} for targets of {@code scheme} ({@code https} or {@code http}):
     * the proxy (explicit, else the system's when asked for), TLS (custom trust, client certificate, protocols, or a
     * TLS provider {@code http} already has), the handshake bounded by {@code connectTimeout}, compression.
     */
    public static HttpClient configure(
            HttpClient http, NetworkSettings settings, String scheme, Duration connectTimeout) {
        HttpClient configured = http;
        HttpProxy proxy = proxyFor(settings, scheme, System.getProperties(), System.getenv());
        if (proxy != null) {
            configured = configured.proxy(spec -> {
                ProxyProvider.Builder builder = spec.type(ProxyProvider.Proxy.HTTP)
                        .host(proxy.host())
                        .port(proxy.port())
                        .connectTimeoutMillis(Timeouts.connectMillis(connectTimeout));
                proxy.username().ifPresent(user -> builder.username(user)
                        .password(name -> proxy.password().orElse("")));
                if (!proxy.nonProxyHosts().isEmpty()) {
                    builder.nonProxyHostsPredicate(address ->
                            address instanceof InetSocketAddress target && proxy.bypasses(target.getHostString()));
                }
            });
        }
        SslProvider tls = settings.customTls()
                ? customTls(settings)
                : configured.configuration().sslProvider();
        if (tls == null && "http".equalsIgnoreCase(scheme)) {
            // a plain-http base (a fake on loopback, the CLI's embedded one) builds no TLS context up front: that is
            // most of the JSSE start-up (about a sixth of the time to a first call); an https URI met later still
            // gets Reactor Netty's default TLS
            return settings.compression() ? configured.compress(true) : configured;
        }
        if (tls == null) {
            tls = SslProvider.builder()
                    .sslContext((SslProvider.GenericSslContextSpec<?>) Http11SslContextSpec.forClient())
                    .build();
        }
        long handshakeMillis = Timeouts.capped(connectTimeout).toMillis();
        configured = configured.secure(
                SslProvider.addHandlerConfigurator(tls, handler -> handler.setHandshakeTimeoutMillis(handshakeMillis)));
        return settings.compression() ? configured.compress(true) : configured;
    }

    /** {@code User-Agent}: the application's product token, if any, before {@code sdkAgent}. */
    public static String userAgent(NetworkSettings settings, String sdkAgent) {
        return settings.userAgent().map(app -> app + " " + sdkAgent).orElse(sdkAgent);
    }

    private static SslProvider customTls(NetworkSettings settings) {
        Http11SslContextSpec spec =
                Http11SslContextSpec.forClient().configure(builder -> configureTls(builder, settings));
        return SslProvider.builder()
                .sslContext((SslProvider.GenericSslContextSpec<?>) spec)
                .build();
    }

    private static void configureTls(SslContextBuilder builder, NetworkSettings settings) {
        settings.trustedCertificates().ifPresent(pem -> builder.trustManager(pem.toFile()));
        settings.trustManagerFactory().ifPresent(builder::trustManager);
        settings.clientCertificateChain()
                .ifPresent(chain -> builder.keyManager(
                        chain.toFile(),
                        settings.clientPrivateKey().orElseThrow().toFile()));
        settings.keyManagerFactory().ifPresent(builder::keyManager);
        if (!settings.tlsProtocols().isEmpty()) {
            builder.protocols(settings.tlsProtocols());
        }
    }

    /**
     * The proxy for targets of {@code scheme}: the explicit one; else, with {@code systemProxy}, the JVM's
     * {@code <scheme>.proxyHost} / {@code <scheme>.proxyPort} (and {@code http.nonProxyHosts}), else the
     * environment's {@code <SCHEME>_PROXY} (and {@code NO_PROXY}); else none.
     */
    public static @Nullable HttpProxy proxyFor(
            NetworkSettings settings, String scheme, Map<?, ?> properties, Map<String, String> environment) {
        if (settings.proxy().isPresent()) {
            return settings.proxy().get();
        }
        if (!settings.systemProxy()) {
            return null;
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        Object host = properties.get(s + ".proxyHost");
        if (host != null && !host.toString().isBlank()) {
            Object port = properties.get(s + ".proxyPort");
            HttpProxy proxy = HttpProxy.of(
                    host.toString().strip(),
                    port == null ? (s.equals("https") ? 443 : 80) : parsePort(s + ".proxyPort", port.toString()));
            Object nonProxy = properties.get("http.nonProxyHosts");
            return nonProxy == null ? proxy : proxy.withNonProxyHosts(split(nonProxy.toString(), "\\|"));
        }
        String url = env(environment, s + "_proxy");
        if (url == null) {
            return null;
        }
        HttpProxy proxy = HttpProxy.fromUrl(s.toUpperCase(Locale.ROOT) + "_PROXY", url);
        String noProxy = env(environment, "no_proxy");
        return noProxy == null ? proxy : proxy.withNonProxyHosts(split(noProxy, ","));
    }

    private static @Nullable String env(Map<String, String> environment, String lowerName) {
        String value = environment.get(lowerName.toUpperCase(Locale.ROOT));
        if (value == null || value.isBlank()) {
            value = environment.get(lowerName);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int parsePort(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was: " + value, e);
        }
    }

    private static List<String> split(String value, String separator) {
        List<String> patterns = new ArrayList<>();
        for (String part : value.split(separator)) {
            if (!part.isBlank()) {
                patterns.add(part.strip());
            }
        }
        return patterns;
    }
}
