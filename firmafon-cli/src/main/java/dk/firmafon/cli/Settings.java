package dk.firmafon.cli;

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
 *       {@code $XDG_CONFIG_HOME/firmafon/token.json}, else {@code $HOME/.config/firmafon/token.json}; for a profile
 *       other than {@code default}, {@code tokens/NAME.json} there);</li>
 *   <li>{@code FIRMAFON_PROXY}: an HTTP proxy URL ({@code http://user:password@host:port}); otherwise
 *       {@code HTTPS_PROXY} / {@code HTTP_PROXY} / {@code NO_PROXY} are honoured;</li>
 *   <li>{@code FIRMAFON_PROFILE}: the profile of {@link ConfigFile} to use; {@code FIRMAFON_PRESET}:
 *       {@code firmafon} or {@code relatel}, when no base URL is set.</li>
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
        Optional<URI> proxy,
        String profile,
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
    static final String PROXY = "FIRMAFON_PROXY";
    static final String PROFILE = "FIRMAFON_PROFILE";
    static final String PRESET = "FIRMAFON_PRESET";

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
        return from(env, userHome, Optional.empty(), Optional.empty());
    }

    /**
     * The settings of a profile ({@code --profile}, else {@code FIRMAFON_PROFILE}, else the config file's current
     * one, else {@code default}) under the environment: a variable that is set wins over the profile's value;
     * {@code --proxy} over both.
     */
    static Settings from(
            Map<String, String> processEnv, Path userHome, Optional<String> profileFlag, Optional<URI> proxyFlag) {
        Path directory = ConfigFile.directory(processEnv, userHome);
        ConfigFile config = ConfigFile.load(directory);
        String profile = profileFlag.or(() -> value(processEnv, PROFILE)).orElse(config.current());
        Map<String, String> settings = config.profile(profile)
                .orElseThrow(() -> new ConfigurationException("no profile '" + profile + "' in " + config.path()
                        + ": create it with `firmafon --profile " + profile + " config set KEY VALUE`"));
        Map<String, String> env = new java.util.HashMap<>();
        settings.forEach((key, value) -> env.put(ConfigFile.KEYS.get(key), value));
        processEnv.forEach((name, value) -> {
            if (!value.isBlank()) {
                env.put(name, value);
            }
        });
        if (!env.containsKey(BASE_URL) && value(env, PRESET).isPresent()) {
            String preset = value(env, PRESET).get();
            env.put(
                    BASE_URL,
                    switch (preset.toLowerCase(Locale.ROOT)) {
                        case "firmafon" -> dk.firmafon.core.FirmafonClient.FIRMAFON.toString();
                        case "relatel" -> dk.firmafon.core.FirmafonClient.RELATEL.toString();
                        default -> throw new ConfigurationException(
                                PRESET + " must be firmafon or relatel, was " + preset);
                    });
        }
        Optional<URI> proxy = proxyFlag.isPresent() ? proxyFlag : uri(env, PROXY);
        return new Settings(
                uri(env, BASE_URL),
                value(env, TOKEN),
                authMode(env),
                value(env, CLIENT_ID),
                value(env, CLIENT_SECRET),
                uri(env, REDIRECT_URI),
                uri(env, AUTHORIZE_URL),
                uri(env, TOKEN_URL),
                proxy,
                profile,
                tokenFile(env, directory, profile));
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
                throw new ConfigurationException(
                        name + " must be an absolute http(s) URL, was " + withoutUserInfo(text.get()));
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            // the exception's message quotes the input, which may carry a proxy password
            throw new ConfigurationException(
                    name + " is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    /** {@code text} with everything before its last {@code @} (a URL's {@code user:password}) masked. */
    private static String withoutUserInfo(String text) {
        int at = text.lastIndexOf('@');
        return at < 0 ? text : "***" + text.substring(at);
    }

    private static AuthMode authMode(Map<String, String> env) {
        String text = value(env, AUTH).orElse("bearer");
        try {
            return AuthMode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(AUTH + " must be bearer, query or basic, was " + text);
        }
    }

    /** {@code FIRMAFON_TOKEN_FILE}, else {@code token.json} for the default profile, {@code tokens/NAME.json}. */
    private static Path tokenFile(Map<String, String> env, Path directory, String profile) {
        Optional<String> explicit = value(env, TOKEN_FILE);
        if (explicit.isPresent()) {
            return Path.of(explicit.get());
        }
        return profile.equals(ConfigFile.DEFAULT_PROFILE)
                ? directory.resolve("token.json")
                : directory.resolve("tokens").resolve(profile + ".json");
    }
}
