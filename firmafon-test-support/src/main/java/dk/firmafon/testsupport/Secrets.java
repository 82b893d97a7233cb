package dk.firmafon.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets and the personal data the guard looks for in every captured log line and exception message. The well-known test secrets
 * ({@link TestSecrets}) are registered from the start; a test that uses another secret registers it before use:
 * {@code String token = Secrets.register(Secrets.Kind.ACCESS_TOKEN, "my-own-token");}.
 */
public final class Secrets {
    /** Values shorter than this would match innocent text; {@link #register} refuses them. */
    public static final int MIN_LENGTH = 8;

    /** What a secret is, as the guard names it in a finding (the value itself is never printed). */
    public enum Kind {
        ACCESS_TOKEN("an access token"),
        REFRESH_TOKEN("a refresh token"),
        CLIENT_SECRET("a client secret"),
        AUTHORIZATION_CODE("an authorization code"),
        PKCE_VERIFIER("a PKCE verifier"),
        SECRET("a secret"),
        PHONE_NUMBER("a phone number (personal data)"),
        EMAIL_ADDRESS("an e-mail address (personal data)"),
        PERSON_NAME("a person's name (personal data)"),
        SMS_TEXT("an SMS text (personal data)");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** {@code "an access token"}. */
        public String description() {
            return description;
        }
    }

    /** One text to look for and how to name it in a finding. */
    record Needle(String text, String name) {}

    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    static {
        TestSecrets.registerAll();
        TestPersonalData.registerAll();
    }

    private Secrets() {}

    /** Registers a secret of kind {@link Kind#SECRET}; returns it, so a constant can be declared in one line. */
    public static String register(String value) {
        return register(Kind.SECRET, value);
    }

    /** Registers {@code value} as a secret of {@code kind}; returns it. */
    public static String register(Kind kind, String value) {
        return register(kind, value, null);
    }

    static String register(Kind kind, String value, String label) {
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("value: a secret shorter than " + MIN_LENGTH
                    + " characters would match innocent text; use a longer one");
        }
        String name = kind.description() + (label == null ? "" : " (" + label + ")");
        NAMES.putIfAbsent(value, name);
        return value;
    }

    /** Whether {@code value} is registered. */
    public static boolean isRegistered(String value) {
        return NAMES.containsKey(value);
    }

    /** Each secret as itself and as the Base64 {@code "<secret>:"} an HTTP Basic header carries. */
    static List<Needle> needles() {
        List<Needle> needles = new ArrayList<>(NAMES.size() * 2);
        NAMES.forEach((value, name) -> {
            needles.add(new Needle(value, name));
            needles.add(new Needle(
                    Base64.getEncoder().encodeToString((value + ":").getBytes(StandardCharsets.UTF_8)),
                    name + " as a Base64 Basic credential"));
        });
        return needles;
    }
}
