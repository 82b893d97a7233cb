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

    private static final Pattern QUERY_SECRET = queryField(SECRET_PARAMETERS);
    private static final Pattern JSON_SECRET = jsonField(SECRET_PARAMETERS);
    private static final Pattern FORM_SECRET = formField(SECRET_PARAMETERS);
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+");

    /** What a masked piece of personal data (a name, an e-mail's local part, an SMS text) is replaced with. */
    public static final String PERSONAL = "[PERSONAL]";

    /**
     * Query, form and JSON field names whose values are personal data the SDK sends or receives: phone numbers,
     * e-mail addresses, names, SMS texts (an SMS is {@code {"message": {"body": ...}}}) and callers' comments. Not
     * {@code message}: the service's error messages stay readable (their numbers and addresses are masked anyway). The SDK's own output masks them; a library never
     * sees the query ones ({@code ApiRequest} keeps them out of the URI it hands Reactor Netty).
     */
    public static final Set<String> PERSONAL_PARAMETERS = Set.of(
            "number",
            "from_number",
            "to_number",
            "remote_number",
            "phone_number",
            "number_formatted",
            "from_number_formatted",
            "to_number_formatted",
            "email",
            "name",
            "body",
            "comment");

    /**
     * The one switch that shows personal data in the SDK's own output while debugging: the system property
     * {@code firmafon.personal-data.show=true} or the environment variable {@code FIRMAFON_SHOW_PERSONAL_DATA=true},
     * read once. Off by default; on, phone numbers, names and e-mail addresses reach logs and error trackers.
     */
    public static final boolean SHOW_PERSONAL_DATA = "true"
            .equalsIgnoreCase(System.getProperty(
                    "firmafon.personal-data.show", System.getenv().getOrDefault("FIRMAFON_SHOW_PERSONAL_DATA", "")));

    private static final Pattern QUERY_PERSONAL = queryField(PERSONAL_PARAMETERS);
    private static final Pattern JSON_PERSONAL = jsonField(PERSONAL_PARAMETERS);
    private static final Pattern FORM_PERSONAL = formField(PERSONAL_PARAMETERS);
    /**
     * A phone number in free text: 8 to 15 digits (a leading {@code +}, {@code 00} or {@code %2B} allowed), or the
     * same written with single spaces, dots or dashes between groups; not inside a longer run of letters and digits
     * (a uuid's last group keeps its digits).
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])(?!\\d{4}-\\d{2}-\\d{2}(?!\\d))(?:\\+|%2[Bb])?\\d(?:[ .-]?\\d){7,14}(?![0-9A-Za-z])");

    private static final Pattern EMAIL =
            Pattern.compile("(?<![\\w.%+-])[\\w.%+-]+(@|%40)([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

    private Redaction() {}

    /** A query parameter named one of {@code names}: group 1 up to {@code =}, group 2 the value. */
    private static Pattern queryField(Set<String> names) {
        return Pattern.compile("(?i)([?&;](?:" + String.join("|", names) + ")=)([^&#;]*)");
    }

    /** A JSON field named one of {@code names}: group 1 up to the value, group 2 the value (a string or a scalar). */
    private static Pattern jsonField(Set<String> names) {
        return Pattern.compile(
                "(?i)(\"(?:" + String.join("|", names) + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\s]+)");
    }

    /** A form parameter named one of {@code names}: group 1 up to {@code =}, group 2 the value. */
    private static Pattern formField(Set<String> names) {
        return Pattern.compile("(?i)((?:^|[&\\s])(?:" + String.join("|", names) + ")=)([^&\\s]*)");
    }

    /**
     * {@code text} with the personal data the SDK can recognise masked, unless {@link #SHOW_PERSONAL_DATA}: phone
     * numbers (any format, percent-encoded too) down to their last two digits, e-mail addresses down to their domain,
     * and the values of {@link #PERSONAL_PARAMETERS} in a query, a form or JSON (names and texts wholly). Applied by
     * {@link #uri}, {@link #excerpt} and {@link #headerValue}, so every log line, exception message and error detail
     * the SDK writes gets it.
     */
    public static String personal(String text) {
        if (SHOW_PERSONAL_DATA || text.isEmpty()) {
            return text;
        }
        String masked = QUERY_PERSONAL
                .matcher(text)
                .replaceAll(m -> m.group(1) + Matcher.quoteReplacement(maskValue(m.group(2))));
        masked = FORM_PERSONAL
                .matcher(masked)
                .replaceAll(m -> m.group(1) + Matcher.quoteReplacement(maskValue(m.group(2))));
        masked = JSON_PERSONAL
                .matcher(masked)
                .replaceAll(m -> m.group(1) + Matcher.quoteReplacement(maskJson(m.group(2))));
        masked = NUMBER.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(maskNumber(m.group())));
        return EMAIL.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(PERSONAL + m.group(1) + m.group(2)));
    }

    /** A phone number down to its last two digits: {@code 4571999999} is {@code ********99}. */
    public static String maskNumber(String number) {
        if (SHOW_PERSONAL_DATA) {
            return number;
        }
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.length() <= 2) {
            return "**";
        }
        return "*".repeat(Math.min(digits.length() - 2, 13)) + digits.substring(digits.length() - 2);
    }

    /** A personal value in a query or form: a number down to its last two digits, anything else wholly. */
    private static String maskValue(String value) {
        if (value.isEmpty() || value.equals(PERSONAL) || value.matches("\\**\\d{0,2}")) {
            return value;
        }
        String decoded = value.replace("%2B", "+")
                .replace("%2b", "+")
                .replace("%20", " ")
                .replace("+", " ")
                .strip();
        return decoded.matches("[0-9 .()/-]{3,}") ? maskNumber(decoded) : PERSONAL;
    }

    /** A personal JSON value: a number (or a string of one) down to its last two digits, a text wholly, null kept. */
    private static String maskJson(String value) {
        if (value.equals("null")) {
            return value;
        }
        String inner = value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                ? value.substring(1, value.length() - 1)
                : value;
        if (inner.isEmpty()) {
            return value;
        }
        return inner.matches("\\+?[0-9 .()/-]{3,}") ? "\"" + maskNumber(inner) + "\"" : "\"" + PERSONAL + "\"";
    }

    /**
     * The URI with user info dropped, every secret query parameter's value masked, and its personal data masked
     * ({@link #personal}).
     */
    public static String uri(URI uri) {
        return uri(uri.toString());
    }

    /** As {@link #uri(URI)}, for a URI that is already a string (possibly malformed). */
    public static String uri(String uri) {
        String withoutUserInfo = uri.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@?#]*@", "$1");
        return personal(QUERY_SECRET.matcher(withoutUserInfo).replaceAll("$1" + Matcher.quoteReplacement(MASK)));
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
        masked = personal(masked);
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
