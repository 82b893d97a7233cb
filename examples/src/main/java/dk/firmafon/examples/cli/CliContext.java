package dk.firmafon.examples.cli;

import dk.firmafon.core.FirmafonClient;
import dk.firmafon.testkit.FakeFirmafon;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the commands share during one run of the CLI: the environment (injectable, so tests set variables without
 * touching the process), the browser opener, the global flags, and the connection opened on first use and closed
 * when the command returns.
 */
public final class CliContext {
    private final Map<String, String> env;
    private final Path userHome;
    private final Browser browser;
    private PrintWriter err = new PrintWriter(System.err, true);
    private boolean json;
    private boolean debug;
    private @Nullable Settings settings;
    private @Nullable Connection connection;

    CliContext(Map<String, String> env, Path userHome, Browser browser) {
        this.env = Map.copyOf(env);
        this.userHome = userHome;
        this.browser = browser;
    }

    /** The context of a real run: the process environment, the user's home and the desktop browser. */
    public static CliContext system() {
        return new CliContext(System.getenv(), Path.of(System.getProperty("user.home")), Browser.desktop());
    }

    Settings settings() {
        Settings current = settings;
        if (current == null) {
            current = Settings.from(env, userHome);
            settings = current;
        }
        return current;
    }

    /** A variable of the environment the CLI runs in (the injected one in tests). */
    Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    TokenFile tokenFile() {
        return new TokenFile(settings().tokenFile());
    }

    /** The connection to the API (or to the embedded fake), opened on first use. */
    Connection connection() {
        Connection current = connection;
        if (current == null) {
            current = Connection.open(settings(), tokenFile(), err);
            connection = current;
        }
        return current;
    }

    /**
     * The embedded fake, started if need be, when nothing points the CLI at a real service; empty otherwise (and
     * then nothing is opened, so the auth commands work before any token exists).
     */
    Optional<FakeFirmafon> embedded() {
        Connection current = connection;
        if (current != null) {
            return current.embedded();
        }
        Settings currentSettings = settings();
        boolean tokenStored = currentSettings.token().isEmpty() && Files.isRegularFile(currentSettings.tokenFile());
        return currentSettings.embedded(tokenStored) ? connection().embedded() : Optional.empty();
    }

    FirmafonClient client() {
        return connection().client();
    }

    Browser browser() {
        return browser;
    }

    boolean json() {
        return json;
    }

    void json(boolean value) {
        json = value;
    }

    boolean debug() {
        return debug;
    }

    void debug(boolean value) {
        debug = value;
    }

    PrintWriter err() {
        return err;
    }

    /** Called before each command runs, with the writers the command line prints to. */
    void attach(PrintWriter errWriter) {
        this.err = errWriter;
    }

    /** Closes the connection (and stops the embedded fake); the next command opens a new one. */
    void close() {
        Connection current = connection;
        connection = null;
        settings = null;
        if (current != null) {
            current.close();
        }
    }
}
