package dk.firmafon.testsupport;

import java.util.List;

/** Installs the guards once per test JVM and checks them at the end of each test class and of the suite. */
public final class Guards {
    private static boolean installed;

    private Guards() {}

    /** Installs the leak guard and the Reactor error recording; idempotent. */
    public static synchronized void install() {
        if (!installed) {
            installed = true;
            LeakGuard.install();
            ReactorErrors.install();
        }
    }

    /**
     * Flushes the leak detectors and scans what was captured since the last check.
     *
     * @param scope what has just finished, for the message ({@code "after FooTest"})
     * @throws AssertionError naming every leak report and every secret found, and where (never the secret)
     */
    public static void verify(String scope) {
        LeakGuard.flush();
        List<String> leaks = LeakGuard.takeReports();
        List<String> secrets = Evidence.takeFindings();
        if (leaks.isEmpty() && secrets.isEmpty()) {
            return;
        }
        StringBuilder message =
                new StringBuilder("Suite guard failed ").append(scope).append(':');
        for (String secret : secrets) {
            message.append("\n- ").append(secret);
        }
        if (!leaks.isEmpty()) {
            message.append("\n- ").append(leaks.size()).append(" Netty leak report(s):");
            for (String leak : leaks) {
                message.append("\n").append(leak);
            }
        }
        throw new AssertionError(message.toString());
    }

    /** Captures the messages of a throwable thrown out of a test or lifecycle method. */
    static void thrown(String where, Throwable error) {
        Evidence.throwable(where, error);
    }
}
