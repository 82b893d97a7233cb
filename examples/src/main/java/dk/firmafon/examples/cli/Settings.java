package dk.firmafon.examples.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's configuration, read from environment variables (passed in as a map so tests can set them).
 *
 * <ul>
 *   <li>{@code FIRMAFON_BASE_URL}: the API's base URL (default {@code https://app.firmafon.dk/api/v2});</li>
 *   <li>{@code FIRMAFON_TOKEN}: an access token; {@code FIRMAFON_AUTH} how to send it: {@code bearer} (default),
 *       {@code query} or {@code basic};</li>
 *   <li>{@code FIRMAFON_CLIENT_ID}, {@code FIRMAFON_CLIENT_SECRET}, {@code FIRMAFON_REDIRECT_URI},
 *       {@code FIRMAFON_AUTHORIZE_URL}, {@code FIRMAFON_TOKEN_URL}: the OAuth application, for {@code auth ...};</li>
 *   <li>{@code FIRMAFON_TOKEN_FILE}: where {@code auth login} stores the token (default
 *       {@code $XDG_CONFIG_HOME/firmafon/token.json}, else {@code ~/.config/firmafon/token.json}).</li>
 * </ul>
 */
record Settings(
        Optional<URI> baseUrl,
        Optional<String> token,
        AuthMode authMode,
        Optional<String> clientId,
        Optional<String> clientSecret,
        Optional<URI> redirectUri,
        Optional<URI> authorizeUrl,
        Optional<URI> tokenUrl,
        Path tokenFile) {

    static final String BASE_URL = "FIRMAFON_BASE_URL";
    static final String TOKEN = "FIRMAFON_TOKEN";
    static final String AUTH = "FIRMAFON_AUTH";
    static final String CLIENT_ID = "FIRMAFON_CLIENT_ID";
    static final String CLIENT_SECRET = "FIRMAFON_CLIENT_SECRET";
    static final String REDIRECT_URI = "FIRMAFON_REDIRECT_URI";
    static final String AUTHORIZE_URL = "FIRMAFON_AUTHORIZE_URL";
    static final String TOKEN_URL = "FIRMAFON_TOKEN_URL";
    static final String TOKEN_FILE = "FIRMAFON_TOKEN_FILE";

    /** How a token from {@code FIRMAFON_TOKEN} (or the token file) is sent. */
    enum AuthMode {
        BEARER,
        QUERY,
        BASIC
    }

    /**
     * Reads the settings; a malformed value is a {@link ConfigurationException} naming the variable.
     *
     * @param userHome used for the default token file when neither {@code FIRMAFON_TOKEN_FILE} nor
     *     {@code XDG_CONFIG_HOME} is set
     */
    static Settings from(Map<String, String> env, Path userHome) {
        return new Settings(
                uri(env, BASE_URL),
                value(env, TOKEN),
                authMode(env),
                value(env, CLIENT_ID),
                value(env, CLIENT_SECRET),
                uri(env, REDIRECT_URI),
                uri(env, AUTHORIZE_URL),
                uri(env, TOKEN_URL),
                tokenFile(env, userHome));
    }

    /** Whether nothing points the CLI at a real service: then it runs against the embedded fake. */
    boolean embedded(boolean tokenFileExists) {
        return baseUrl.isEmpty() && token.isEmpty() && !tokenFileExists;
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Optional<URI> uri(Map<String, String> env, String name) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new ConfigurationException(name + " must be an absolute http(s) URL, was " + text.get());
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(name + " is not a valid URL: " + e.getMessage());
        }
    }

    private static AuthMode authMode(Map<String, String> env) {
        String text = value(env, AUTH).orElse("bearer");
        try {
            return AuthMode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(AUTH + " must be bearer, query or basic, was " + text);
        }
    }

    private static Path tokenFile(Map<String, String> env, Path userHome) {
        Optional<String> explicit = value(env, TOKEN_FILE);
        if (explicit.isPresent()) {
            return Path.of(explicit.get());
        }
        Path configHome = value(env, "XDG_CONFIG_HOME").map(Path::of).orElse(userHome.resolve(".config"));
        return configHome.resolve("firmafon").resolve("token.json");
    }
}
