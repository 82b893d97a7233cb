package dk.firmafon.foundation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version: from the resource Maven filters at build time, else the jar manifest, else "unknown". */
public final class SdkVersion {
    /** e.g. {@code 0.1.0}. */
    public static final String VERSION = read();
    /** {@code firmafon-java-sdk/<version>}. */
    public static final String USER_AGENT = "firmafon-java-sdk/" + VERSION;

    private SdkVersion() {}

    private static String read() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("sdk-version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank() && !version.startsWith("${")) {
                    return version.strip();
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String manifest = SdkVersion.class.getPackage() == null
                ? null
                : SdkVersion.class.getPackage().getImplementationVersion();
        return manifest == null || manifest.isBlank() ? "unknown" : manifest;
    }
}
