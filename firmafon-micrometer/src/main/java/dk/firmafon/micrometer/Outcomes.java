package dk.firmafon.micrometer;

/** A status's family as a tag value. */
final class Outcomes {
    private Outcomes() {}

    static String of(int status) {
        if (status >= 200 && status < 300) {
            return "SUCCESS";
        }
        if (status >= 400 && status < 500) {
            return "CLIENT_ERROR";
        }
        if (status >= 500 && status < 600) {
            return "SERVER_ERROR";
        }
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        if (status >= 100 && status < 200) {
            return "INFORMATIONAL";
        }
        return "UNKNOWN";
    }
}
