package dk.firmafon.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The CLI's named profiles, in {@code $XDG_CONFIG_HOME/firmafon/config.properties} (else
 * {@code $HOME/.config/firmafon/config.properties}), readable by its owner only (a profile may hold a client
 * secret): {@code current=work}, then {@code work.preset=relatel}, {@code work.auth=bearer}, ... A profile's
 * values stand in for the {@code FIRMAFON_*} variables it names; a variable that is set wins.
 */
final class ConfigFile {
    static final String DEFAULT_PROFILE = "default";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final String CURRENT = "current";

    /** Each key a profile may set, and the variable it stands in for. */
    static final Map<String, String> KEYS = keys();

    /** Keys whose values are secrets: never printed. */
    static final Set<String> SECRETS = Set.of("token", "client-secret", "proxy");

    private final Path path;
    private final Map<String, Map<String, String>> profiles = new TreeMap<>();
    private String current = DEFAULT_PROFILE;

    private ConfigFile(Path path) {
        this.path = path;
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("preset", "FIRMAFON_PRESET");
        keys.put("base-url", Settings.BASE_URL);
        keys.put("token", Settings.TOKEN);
        keys.put("auth", Settings.AUTH);
        keys.put("client-id", Settings.CLIENT_ID);
        keys.put("client-secret", Settings.CLIENT_SECRET);
        keys.put("redirect-uri", Settings.REDIRECT_URI);
        keys.put("authorize-url", Settings.AUTHORIZE_URL);
        keys.put("token-url", Settings.TOKEN_URL);
        keys.put("proxy", Settings.PROXY);
        return Map.copyOf(keys);
    }

    /** The directory of the CLI's files: {@code $XDG_CONFIG_HOME/firmafon}, else {@code $HOME/.config/firmafon}. */
    static Path directory(Map<String, String> env, Path userHome) {
        String xdg = env.getOrDefault("XDG_CONFIG_HOME", "").trim();
        if (!xdg.isEmpty()) {
            return Path.of(xdg).resolve("firmafon");
        }
        String home = env.getOrDefault("HOME", "").trim();
        return (home.isEmpty() ? userHome : Path.of(home)).resolve(".config").resolve("firmafon");
    }

    /** The file in {@code directory}, read if it exists. */
    static ConfigFile load(Path directory) {
        ConfigFile file = new ConfigFile(directory.resolve("config.properties"));
        if (!Files.isRegularFile(file.path)) {
            return file;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file.path, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + file.path + ": " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            if (key.equals(CURRENT)) {
                file.current = name(value, file.path);
                continue;
            }
            int dot = key.indexOf('.');
            String profile = dot < 0 ? "" : key.substring(0, dot);
            String setting = dot < 0 ? key : key.substring(dot + 1);
            if (dot < 0 || !KEYS.containsKey(setting)) {
                throw new ConfigurationException(
                        file.path + ": unknown setting '" + key + "' (a profile's settings are "
                                + "PROFILE.KEY, KEY one of " + String.join(", ", new TreeSet<>(KEYS.keySet())) + ")");
            }
            file.profiles
                    .computeIfAbsent(name(profile, file.path), ignored -> new TreeMap<>())
                    .put(setting, value);
        }
        return file;
    }

    private static String name(String profile, Object where) {
        if (!NAME.matcher(profile).matches()) {
            throw new ConfigurationException(where + ": '" + profile + "' is not a profile name (lower-case letters, "
                    + "digits, '-' and '_', up to 40)");
        }
        return profile;
    }

    Path path() {
        return path;
    }

    /** The profile {@code config use} chose, or {@code default}. */
    String current() {
        return current;
    }

    Map<String, Map<String, String>> profiles() {
        return profiles;
    }

    /** The settings of {@code profile}; empty for {@code default} when it has none. */
    Optional<Map<String, String>> profile(String profile) {
        Map<String, String> settings = profiles.get(profile);
        if (settings == null && profile.equals(DEFAULT_PROFILE)) {
            return Optional.of(Map.of());
        }
        return Optional.ofNullable(settings);
    }

    /** Sets {@code key} of {@code profile} (created if new) after checking the value; saves. */
    void set(String profile, String key, String value) {
        name(profile, "--profile");
        if (!KEYS.containsKey(key)) {
            throw new ConfigurationException(
                    "unknown setting '" + key + "': one of " + String.join(", ", new TreeSet<>(KEYS.keySet())));
        }
        profiles.computeIfAbsent(profile, ignored -> new TreeMap<>()).put(key, checked(key, value.trim()));
        save();
    }

    /** Makes {@code profile} the current one; it must exist (or be {@code default}); saves. */
    void use(String profile) {
        name(profile, "profile");
        if (profile(profile).isEmpty()) {
            throw new ConfigurationException("no profile '" + profile + "' in " + path
                    + ": create it with `firmafon --profile " + profile + " config set KEY VALUE`");
        }
        current = profile;
        save();
    }

    private static String checked(String key, String value) {
        switch (key) {
            case "preset" -> {
                if (!value.equals("firmafon") && !value.equals("relatel")) {
                    throw new ConfigurationException("preset must be firmafon or relatel, was " + value);
                }
            }
            case "auth" -> {
                if (!Set.of("bearer", "query", "basic").contains(value.toLowerCase(Locale.ROOT))) {
                    throw new ConfigurationException("auth must be bearer, query or basic, was " + value);
                }
            }
            case "base-url", "redirect-uri", "authorize-url", "token-url", "proxy" -> {
                try {
                    URI uri = new URI(value);
                    if (!uri.isAbsolute() || uri.getHost() == null) {
                        throw new ConfigurationException(
                                key + " must be an absolute URL, was " + printable(key, value));
                    }
                } catch (URISyntaxException e) {
                    throw new ConfigurationException(key + " is not a valid URL");
                }
            }
            default -> {
                if (value.isEmpty()) {
                    throw new ConfigurationException(key + " must not be empty");
                }
            }
        }
        return value;
    }

    /** {@code value}, or {@code ***} for a secret. */
    static String printable(String key, String value) {
        return SECRETS.contains(key) ? "***" : value;
    }

    private void save() {
        StringWriter text = new StringWriter();
        text.append("# firmafon CLI profiles (firmafon config list|set|use); readable by you only\n");
        text.append(CURRENT).append('=').append(current).append('\n');
        profiles.forEach((profile, settings) -> settings.forEach((key, value) -> text.append(profile)
                .append('.')
                .append(key)
                .append('=')
                .append(escape(value))
                .append('\n')));
        PrivateFile.write(path, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
