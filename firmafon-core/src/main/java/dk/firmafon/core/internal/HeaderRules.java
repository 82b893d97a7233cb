package dk.firmafon.core.internal;

import java.util.Locale;
import java.util.Set;

/** What may be sent as an extra header: one rule for {@code ApiRequest.withHeader} and for request observers. */
public final class HeaderRules {
    /** Headers the SDK sets itself, or that would change how the exchange is framed or whom it authenticates. */
    private static final Set<String> RESERVED = Set.of(
            "authorization",
            "proxy-authorization",
            "host",
            "content-length",
            "content-type",
            "transfer-encoding",
            "connection",
            "upgrade",
            "te",
            "trailer",
            "keep-alive",
            "expect",
            "accept",
            "user-agent",
            "cookie");

    private HeaderRules() {}

    /** Whether {@code name} is one the SDK sets or that frames or authenticates the request (any case). */
    public static boolean isReserved(String name) {
        return RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code name} is a non-empty HTTP token. */
    public static boolean isToken(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code value} holds no line break or other control character (tabs allowed). */
    public static boolean isValue(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
