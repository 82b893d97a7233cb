package dk.firmafon.net;

import dk.firmafon.foundation.internal.Checks;
import dk.firmafon.foundation.internal.Redaction;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP forward proxy: every connection (to the API, the token endpoint, a download or the live-events feed) is
 * tunnelled through it with {@code CONNECT}, so the proxy sees the target host and port but not the request. Its own
 * credentials, when set, go to the proxy as {@code Proxy-Authorization: Basic ...}; the API credential never does.
 * Immutable; {@code toString()} never shows the password.
 *
 * <pre>{@code
 * HttpProxy proxy = HttpProxy.of("proxy.corp.example", 3128)
 *         .withCredentials("svc-firmafon", password)
 *         .withNonProxyHosts(List.of("localhost", "*.corp.example"));
 * }</pre>
 */
public final class HttpProxy {
    private final String host;
    private final int port;
    private final @Nullable String username;
    private final @Nullable String password;
    private final List<String> nonProxyHosts;

    private HttpProxy(
            String host, int port, @Nullable String username, @Nullable String password, List<String> nonProxyHosts) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.nonProxyHosts = List.copyOf(nonProxyHosts);
    }

    /**
     * A proxy at {@code host:port}, without credentials, used for every host (loopback included).
     *
     * @throws IllegalArgumentException naming the argument when the host is blank or the port is not 1..65535
     */
    public static HttpProxy of(String host, int port) {
        Checks.token("proxy host", host);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port must be between 1 and 65535, was " + port);
        }
        return new HttpProxy(host, port, null, null, List.of());
    }

    /**
     * A proxy from a URL in the environment's convention ({@code HTTPS_PROXY}, {@code --proxy}):
     * {@code http://[user:password@]host[:port][/]}, or {@code host:port}; port 80 when absent, percent-encoded
     * credentials decoded.
     *
     * @param name what the URL is, for the error message ({@code "HTTPS_PROXY"}, {@code "--proxy"})
     * @throws IllegalArgumentException starting with {@code name} when {@code url} is not such a URL (its credentials
     *     never shown)
     */
    public static HttpProxy fromUrl(String name, String url) {
        Checks.notNull("name", name);
        Checks.notNull(name, url);
        URI uri;
        try {
            uri = URI.create(url.contains("://") ? url : "http://" + url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    name + " is not a proxy URL (http://host:port): " + Redaction.uri(url), e);
        }
        if (uri.getHost() == null || !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(
                    name + " must be an http:// proxy URL with a host, was: " + Redaction.uri(url));
        }
        HttpProxy proxy = of(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return proxy;
        }
        int colon = userInfo.indexOf(':');
        String user = URLDecoder.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), StandardCharsets.UTF_8);
        String password = colon < 0 ? "" : URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
        return proxy.withCredentials(user, password);
    }

    /**
     * This proxy, authenticating with {@code username} and {@code password} (HTTP Basic).
     *
     * @throws IllegalArgumentException naming the argument when one is null, or the user name is blank
     */
    public HttpProxy withCredentials(String username, String password) {
        Checks.text("proxy username", username);
        Checks.notNull("proxy password", password);
        return new HttpProxy(host, port, username, password, nonProxyHosts);
    }

    /**
     * This proxy, bypassed for the hosts that match one of {@code patterns}: a host name or address, compared
     * ignoring case, or {@code *.suffix} / {@code .suffix} for every host under a domain, or {@code *} for every
     * host (the {@code NO_PROXY} convention), or {@code prefix*} ({@code 127.*}, the JVM's convention).
     *
     * @throws IllegalArgumentException when a pattern is null or blank
     */
    public HttpProxy withNonProxyHosts(List<String> patterns) {
        Checks.notNull("nonProxyHosts", patterns);
        List<String> checked = new ArrayList<>(patterns.size());
        for (String pattern : patterns) {
            checked.add(Checks.token("nonProxyHosts entry", pattern).toLowerCase(Locale.ROOT));
        }
        return new HttpProxy(host, port, username, password, checked);
    }

    /** The proxy's host. */
    public String host() {
        return host;
    }

    /** The proxy's port. */
    public int port() {
        return port;
    }

    /** The user name sent to the proxy, if any. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The password sent to the proxy, if any. A secret: never printed by the SDK. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The patterns of hosts reached directly, not through the proxy. */
    public List<String> nonProxyHosts() {
        return nonProxyHosts;
    }

    /** Whether a connection to {@code targetHost} bypasses this proxy. */
    public boolean bypasses(String targetHost) {
        String target = targetHost.toLowerCase(Locale.ROOT);
        if (target.startsWith("[") && target.endsWith("]")) {
            target = target.substring(1, target.length() - 1);
        }
        for (String pattern : nonProxyHosts) {
            if (pattern.equals("*") || pattern.equals(target)) {
                return true;
            }
            if (pattern.length() > 1
                    && pattern.endsWith("*")
                    && target.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true; // 127.* (the JVM's http.nonProxyHosts convention)
            }
            String suffix = pattern.startsWith("*.") ? pattern.substring(1) : pattern.startsWith(".") ? pattern : null;
            if (suffix != null && (target.endsWith(suffix) || target.equals(suffix.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpProxy other
                && host.equals(other.host)
                && port == other.port
                && Objects.equals(username, other.username)
                && Objects.equals(password, other.password)
                && nonProxyHosts.equals(other.nonProxyHosts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, username, password, nonProxyHosts);
    }

    @Override
    public String toString() {
        return "HttpProxy{" + host + ":" + port
                + (username == null ? "" : ", username=" + username + ", password=[REDACTED]")
                + (nonProxyHosts.isEmpty() ? "" : ", nonProxyHosts=" + nonProxyHosts) + "}";
    }
}
