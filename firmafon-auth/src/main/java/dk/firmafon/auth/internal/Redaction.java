package dk.firmafon.auth.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single place that decides what is secret when a request, URI, header or body excerpt is printed: in logs and
 * exception messages alike. Everything the SDK prints about an exchange goes through here.
 */
public final class Redaction {
    /** What a redacted value is replaced with. */
    public static final String MASK = "[REDACTED]";

    /** Query / form / JSON field names whose values are secrets. */
    public static final Set<String> SECRET_PARAMETERS = Set.of(
            "access_token", "refresh_token", "client_secret", "code", "code_verifier", "id_token", "password",
            "token");

    /** Header names whose values are secrets (lower case). */
    public static final Set<String> SECRET_HEADERS = Set.of(
            "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

    private static final Pattern QUERY_SECRET = Pattern.compile(
            "(?i)([?&;](?:" + String.join("|", SECRET_PARAMETERS) + ")=)([^&#;]*)");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(?i)(\"(?:" + String.join("|", SECRET_PARAMETERS) + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\s]+)");
    private static final Pattern FORM_SECRET = Pattern.compile(
            "(?i)((?:^|[&\\s])(?:" + String.join("|", SECRET_PARAMETERS) + ")=)([^&\\s]*)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+");

    private Redaction() {
    }

    /** The URI with user info dropped and every secret query parameter's value masked. */
    public static String uri(URI uri) {
        return uri(uri.toString());
    }

    /** As {@link #uri(URI)}, for a URI that is already a string (possibly malformed). */
    public static String uri(String uri) {
        String withoutUserInfo = uri.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@?#]*@", "$1");
        return QUERY_SECRET.matcher(withoutUserInfo).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    /** Whether a header's value must never be printed. */
    public static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The header value to print: masked for secret headers; for any other, secret query parameters and user info
     * masked as in {@link #uri(String)} (a {@code Location} may echo the request URI, {@code access_token} included).
     */
    public static String headerValue(String name, String value) {
        return isSecretHeader(name) ? MASK : uri(value);
    }

    /**
     * A short, printable excerpt of a response or request body: secret JSON fields, form parameters and
     * Bearer/Basic credentials masked, control characters replaced, cut to {@code maxChars}.
     */
    public static String excerpt(String body, int maxChars) {
        String masked = JSON_SECRET.matcher(body).replaceAll("$1\"" + Matcher.quoteReplacement(MASK) + "\"");
        masked = FORM_SECRET.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        masked = BEARER.matcher(masked).replaceAll("$1 " + Matcher.quoteReplacement(MASK));
        StringBuilder out = new StringBuilder(Math.min(masked.length(), maxChars) + 1);
        for (int i = 0; i < masked.length() && out.length() < maxChars; i++) {
            char c = masked.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (masked.length() > maxChars) {
            out.append('…');
        }
        return out.toString().strip();
    }
}
