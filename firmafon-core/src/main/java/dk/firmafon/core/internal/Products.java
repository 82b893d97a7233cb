package dk.firmafon.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * Which Relatel product a resource needs, as the API's reference documents it ("Product restrictions"), so that a 403
 * can say so: calls, call nodes, click-to-call, contacts and voice mails need Switch or Mobile; employee groups and
 * smileys need Switch; reception statistics need Switch Premium.
 */
final class Products {
    private Products() {}

    /** The product the resource at {@code path} (relative to the API base) needs, or null when none is documented. */
    static @Nullable String requiredFor(String path) {
        if (path.startsWith("/receptions/") && path.endsWith("/statistics")) {
            return "Switch Premium";
        }
        if (startsWithSegment(path, "/employee_groups") || startsWithSegment(path, "/smileys")) {
            return "Switch";
        }
        if (startsWithSegment(path, "/calls")
                || startsWithSegment(path, "/call_nodes")
                || startsWithSegment(path, "/switch/dial")
                || startsWithSegment(path, "/contacts")
                || startsWithSegment(path, "/voice_mails")) {
            return "Switch or Mobile";
        }
        return null;
    }

    private static boolean startsWithSegment(String path, String prefix) {
        return path.startsWith(prefix)
                && (path.length() == prefix.length()
                        || path.charAt(prefix.length()) == '/'
                        || path.charAt(prefix.length()) == '.');
    }
}
