package dk.firmafon.core;

import java.util.Locale;

/**
 * Low-cardinality path templates for requests built from a plain path: what metrics and traces may use as a tag
 * without making one time series per id.
 */
final class Templates {
    private Templates() {}

    /** {@code /calls/3f1e-...-9a/cancel} → {@code /calls/{id}/cancel}: every id-like segment replaced. */
    static String derive(String path) {
        StringBuilder out = null;
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (end > start && looksLikeId(path, start, end)) {
                if (out == null) {
                    out = new StringBuilder(path.length()).append(path, 0, start);
                }
                out.append("{id}");
            } else if (out != null) {
                out.append(path, start, end);
            }
            if (end == path.length()) {
                break;
            }
            if (out != null) {
                out.append('/');
            }
            start = end + 1;
        }
        return out == null ? path : out.toString();
    }

    /** {@code https://files.example/sounds/12.mp3?sig=...} → {@code https://files.example/sounds/{id}}. */
    static String ofAbsolute(String uri) {
        int scheme = uri.indexOf("://");
        int pathStart = uri.indexOf('/', scheme + 3);
        int queryStart = uri.indexOf('?');
        String origin = (pathStart < 0
                        ? (queryStart < 0 ? uri : uri.substring(0, queryStart))
                        : uri.substring(0, pathStart))
                .toLowerCase(Locale.ROOT);
        if (pathStart < 0 || (queryStart >= 0 && queryStart < pathStart)) {
            return origin;
        }
        String path = queryStart < 0 ? uri.substring(pathStart) : uri.substring(pathStart, queryStart);
        return origin + derive(path);
    }

    /**
     * All digits; or percent-encoded; or eight characters or more holding a digit (uuids, hashes, file names with
     * ids). Words such as {@code call_nodes} or {@code mark_as_read} stay.
     */
    private static boolean looksLikeId(String path, int start, int end) {
        if (path.charAt(start) == '{' && path.charAt(end - 1) == '}') {
            return false;
        }
        boolean digits = true;
        boolean anyDigit = false;
        for (int i = start; i < end; i++) {
            char c = path.charAt(i);
            if (c == '%') {
                return true;
            }
            boolean digit = c >= '0' && c <= '9';
            digits &= digit;
            anyDigit |= digit;
        }
        return digits || (anyDigit && end - start >= 8);
    }
}
