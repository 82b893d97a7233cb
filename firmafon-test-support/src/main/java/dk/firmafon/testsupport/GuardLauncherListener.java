package dk.firmafon.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the guards when the JUnit Platform launcher session opens, before any test class (and so any Netty
 * buffer) is loaded.
 */
public final class GuardLauncherListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Guards.install();
    }
}
