package dk.firmafon.foundation.internal;

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
            "access_token", "refresh_token", "client_secret", "code", "code_verifier", "id_token", "password", "token");

    /** Header names whose values are secrets (lower case). */
    public static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

    private static final Pattern QUERY_SECRET =
            Pattern.compile("(?i)([?&;](?:" + String.join("|", SECRET_PARAMETERS) + ")=)([^&#;]*)");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(?i)(\"(?:" + String.join("|", SECRET_PARAMETERS) + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\s]+)");
    private static final Pattern FORM_SECRET =
            Pattern.compile("(?i)((?:^|[&\\s])(?:" + String.join("|", SECRET_PARAMETERS) + ")=)([^&\\s]*)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+");

    private Redaction() {}

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

    /**
     * {@code text} with every occurrence of each of {@code secrets} masked, in each form a server could echo it in:
     * any of its characters as itself or percent-encoded (once or twice, either case; a space also as {@code +}),
     * JSON-escaped ({@code \/}, {@code \u0041}), or the whole value in Base64. For values the SDK knows it sent (a
     * client secret, a code, a PKCE verifier, a token), on top of the masking by name of {@link #excerpt}. Secrets
     * shorter than four characters are skipped (they would mask innocent text).
     */
    public static String maskValues(String text, java.util.Collection<String> secrets) {
        if (text.isEmpty() || secrets.isEmpty()) {
            return text;
        }
        StringBuilder alternatives = new StringBuilder();
        secrets.stream()
                .filter(secret -> secret != null && secret.length() >= 4)
                .sorted((a, b) -> b.length() - a.length()) // longest first: a secret inside another is masked whole
                .forEach(secret -> {
                    byte[] bytes = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    if (alternatives.length() > 0) {
                        alternatives.append('|');
                    }
                    alternatives
                            .append(anyEncoding(secret))
                            .append('|')
                            .append(Pattern.quote(java.util.Base64.getEncoder().encodeToString(bytes)))
                            .append('|')
                            .append(Pattern.quote(java.util.Base64.getUrlEncoder()
                                    .withoutPadding()
                                    .encodeToString(bytes)));
                });
        if (alternatives.length() == 0) {
            return text;
        }
        return Pattern.compile(alternatives.toString(), Pattern.CASE_INSENSITIVE)
                .matcher(text)
                .replaceAll(Matcher.quoteReplacement(MASK));
    }

    /** A pattern matching {@code secret} with each character as itself, percent-encoded or JSON-escaped. */
    private static String anyEncoding(String secret) {
        StringBuilder pattern = new StringBuilder(secret.length() * 24);
        secret.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            StringBuilder percent = new StringBuilder();
            StringBuilder twice = new StringBuilder();
            for (byte b : character.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                String hex = String.format("%02X", b & 0xFF);
                percent.append('%').append(hex);
                twice.append("%25").append(hex);
            }
            pattern.append("(?:")
                    .append(Pattern.quote(character))
                    .append('|')
                    .append(Pattern.quote(percent.toString()))
                    .append('|')
                    .append(Pattern.quote(twice.toString()));
            if (codePoint < 0x10000) {
                pattern.append('|').append(Pattern.quote(String.format("\\u%04X", codePoint)));
            }
            if (codePoint == '/' || codePoint == '"' || codePoint == '\\') {
                pattern.append('|').append(Pattern.quote("\\" + character));
            }
            if (codePoint == ' ') {
                pattern.append("|\\+");
            }
            pattern.append(')');
        });
        return pattern.toString();
    }

    /**
     * The secret values a credential's value carries, for {@link #maskValues}: the value, and the token inside a
     * {@code Bearer} or {@code Basic} header value.
     */
    public static java.util.List<String> secretValues(String value) {
        java.util.List<String> secrets = new java.util.ArrayList<>(2);
        secrets.add(value);
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            secrets.add(value.substring(7).strip());
        } else if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        java.util.Base64.getDecoder().decode(value.substring(6).strip()),
                        java.nio.charset.StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                secrets.add(colon < 0 ? pair : pair.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                // nothing more to mask than the value itself
            }
        }
        return secrets;
    }
}
