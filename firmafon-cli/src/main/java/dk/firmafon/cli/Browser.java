package dk.firmafon.cli;

import java.awt.Desktop;
import java.net.URI;

/** Opens a URL for the user; {@code auth login} uses it for the authorization page. */
@FunctionalInterface
interface Browser {

    /** Opens {@code uri}; returns whether it did (the URL is printed either way). */
    boolean open(URI uri);

    /** The desktop's browser through {@link Desktop} where the platform supports it; otherwise nothing. */
    static Browser desktop() {
        return uri -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(uri);
                    return true;
                }
            } catch (Exception | LinkageError e) {
                // headless, no browser registered, or AWT missing: the printed URL is enough
            }
            return false;
        };
    }
}
