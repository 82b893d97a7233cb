package dk.firmafon.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The access tokens the fake accepts, and the check of the three ways to send one: {@code Authorization: Bearer T},
 * {@code Authorization: Basic base64(T:)} and {@code ?access_token=T}. When an {@code Authorization} header is present
 * it alone decides.
 */
public final class Credentials {

    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    public void add(String token) {
        tokens.add(token);
    }

    public void revoke(String token) {
        tokens.remove(token);
    }

    public void reset(String token) {
        tokens.clear();
        tokens.add(token);
    }

    public boolean isValid(String token) {
        return tokens.contains(token);
    }

    boolean authorizes(Exchange exchange) {
        String header = exchange.header("Authorization");
        if (header != null) {
            String token = tokenFrom(header);
            return token != null && tokens.contains(token);
        }
        return exchange.param("access_token").map(tokens::contains).orElse(false);
    }

    private static @Nullable String tokenFrom(String header) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String value = header.substring(space + 1).trim();
        if (scheme.equals("bearer")) {
            return value;
        }
        if (scheme.equals("basic")) {
            String decoded = decodeBasic(value);
            // the token is the user name, the password is empty
            return decoded != null && decoded.endsWith(":") && decoded.indexOf(':') == decoded.length() - 1
                    ? decoded.substring(0, decoded.length() - 1)
                    : null;
        }
        return null;
    }

    static @Nullable String decodeBasic(String value) {
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The service's 401: {@code {"status":"failure","message":"401 Unauthorized"}} with a Bearer challenge. */
    static Reply unauthorized() {
        return HttpError.failure(401, "401 Unauthorized")
                .reply()
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
}
