package dk.firmafon.auth.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** {@code application/x-www-form-urlencoded} for OAuth parameters: query strings and form bodies. */
public final class FormUrlEncoding {
    private FormUrlEncoding() {}

    /** {@code a=1&b=2}, every name and value percent-encoded, in the map's order. */
    public static String encode(Map<String, String> parameters) {
        StringJoiner joined = new StringJoiner("&");
        parameters.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
        return joined.toString();
    }

    /** One name or value, percent-encoded ({@code ' '} becomes {@code %20}, so it also fits in a query string). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every parameter of a raw (still encoded) query string, decoded, each name with all its values in order. */
    public static Map<String, List<String>> decode(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.computeIfAbsent(decodeOne(name), k -> new ArrayList<>()).add(decodeOne(value));
        }
        return parameters;
    }

    private static String decodeOne(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return encoded;
        }
    }
}
