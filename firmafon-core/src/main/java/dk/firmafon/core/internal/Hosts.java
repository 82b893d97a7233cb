package dk.firmafon.core.internal;

import java.net.URI;
import java.util.Locale;

/** Where credentials may go. Textual checks only: nothing is resolved (no DNS, nothing blocks). */
public final class Hosts {
    private Hosts() {}

    /** {@code localhost}, {@code *.localhost}, {@code 127.x.x.x} or {@code ::1}. */
    public static boolean isLoopback(String host) {
        return dk.firmafon.foundation.internal.Checks.isLoopback(host);
    }

    /**
     * Why credentials must not be sent to {@code target}, or {@code null} when they may: it must be https (or http
     * to a loopback host, or any http when {@code allowInsecureHttp}) and have the API's host and port.
     */
    public static @org.jspecify.annotations.Nullable String refusal(URI target, URI api, boolean allowInsecureHttp) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        String host = target.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "refusing to send credentials to " + dk.firmafon.foundation.internal.Redaction.uri(target)
                    + ": not an absolute http(s) URI with a host";
        }
        String plainHttp = plainHttpRefusal(target, allowInsecureHttp);
        if (plainHttp != null) {
            return plainHttp;
        }
        if (!host.equalsIgnoreCase(api.getHost()) || port(target) != port(api)) {
            return "refusing to send credentials to " + host + ", which is not the API host " + api.getHost() + " ("
                    + dk.firmafon.foundation.internal.Redaction.uri(target) + ")";
        }
        return null;
    }

    /** Why credentials must not go to {@code target} over plain http, or {@code null} when they may. */
    public static @org.jspecify.annotations.Nullable String plainHttpRefusal(URI target, boolean allowInsecureHttp) {
        if (dk.firmafon.foundation.internal.Checks.isPlainHttpRefused(target, allowInsecureHttp)) {
            return "refusing to send credentials over plain http to " + target.getHost()
                    + ": use https, or allowInsecureHttp(true) if you really mean it";
        }
        return null;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }
}
