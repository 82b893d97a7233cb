package dk.firmafon.cli;

import dk.firmafon.core.FirmafonClient;
import dk.firmafon.testkit.FakeFirmafon;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    private Format format = Format.TABLE;
    private List<String> fields = List.of();
    private @Nullable String profile;
    private @Nullable URI proxy;
    private boolean debug;
    private boolean terminal = System.console() != null;
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
            current = Settings.from(env, userHome, Optional.ofNullable(profile), Optional.ofNullable(proxy));
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

    /** How results print: {@code --output table|json|csv} ({@code --json} is {@code json}). */
    enum Format {
        TABLE,
        JSON,
        CSV
    }

    boolean json() {
        return format == Format.JSON;
    }

    Format format() {
        return format;
    }

    void format(Format value) {
        format = value;
    }

    /** The fields {@code --fields} chose (the API's names), or none for the command's own columns. */
    List<String> fields() {
        return fields;
    }

    void fields(List<String> value) {
        fields = List.copyOf(value);
    }

    void profile(String value) {
        profile = value;
    }

    void proxy(URI value) {
        proxy = value;
    }

    /** The config file (profiles), in the directory the environment names. */
    ConfigFile config() {
        return ConfigFile.load(ConfigFile.directory(env, userHome));
    }

    /** The profile chosen by {@code --profile}, or none. */
    Optional<String> profileFlag() {
        return Optional.ofNullable(profile);
    }

    /**
     * Whether progress may be shown: on a terminal (standard output one, so never into a pipe or a file), in table
     * output only (never in {@code --json} or {@code --output csv}).
     */
    boolean progress() {
        return terminal
                && format == Format.TABLE
                && !env("FIRMAFON_NO_PROGRESS").isPresent();
    }

    /** Tests say whether the CLI runs on a terminal. */
    void terminal(boolean value) {
        terminal = value;
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
