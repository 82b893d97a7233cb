package dk.firmafon.testkit.internal;

import java.util.Locale;

/**
 * Path arithmetic shared by the router, the fault plan and the journal: requests are matched on the path below
 * {@value #BASE_PATH}, without a {@code .json} suffix, so {@code /calls}, {@code /api/v2/calls} and
 * {@code /api/v2/calls.json} are one path.
 */
public final class ApiPath {

    public static final String BASE_PATH = "/api/v2";

    private ApiPath() {}

    /** Whether a raw request path lies under the API base. */
    static boolean isUnderBase(String rawPath) {
        return rawPath.equals(BASE_PATH) || rawPath.startsWith(BASE_PATH + "/");
    }

    /** The path to match on: below the base when under it, without {@code .json} and without a trailing slash. */
    public static String key(String path) {
        String result = path;
        int query = result.indexOf('?');
        if (query >= 0) {
            result = result.substring(0, query);
        }
        if (isUnderBase(result)) {
            result = result.substring(BASE_PATH.length());
        }
        if (result.toLowerCase(Locale.ROOT).endsWith(".json")) {
            result = result.substring(0, result.length() - ".json".length());
        }
        if (result.length() > 1 && result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.isEmpty() ? "/" : result;
    }

    /**
     * Whether a request matches a method and path pattern given by a test: method {@code *} is any method, a path segment
     * {@code *} any one segment, the whole pattern {@code /**} any path; the pattern is normalised like the request.
     */
    public static boolean matches(String method, String pattern, String requestMethod, String requestPath) {
        if (!method.equals("*") && !method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        if (pattern.equals("/**")) {
            return true;
        }
        String[] wanted = key(pattern).split("/", -1);
        String[] actual = key(requestPath).split("/", -1);
        if (wanted.length != actual.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (!wanted[i].equals("*") && !wanted[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }
}
