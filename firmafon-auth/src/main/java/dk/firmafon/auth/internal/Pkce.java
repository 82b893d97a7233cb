package dk.firmafon.auth.internal;

import dk.firmafon.foundation.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random {@code state} values and PKCE S256 verifiers and challenges (RFC 7636).
 *
 * <p>The random source is a DRBG seeded once when this class is initialised (from {@link #seed()}, which
 * {@link dk.firmafon.auth.OAuth2Client} calls when it is built): the platform default ({@code NativePRNG} on Linux)
 * reads {@code /dev/urandom} through a {@code FileInputStream} on every refill, a blocking call on whatever thread
 * asks, and applications make authorization requests on event-loop threads (a WebFlux handler, say).
 */
public final class Pkce {
    private static final SecureRandom RANDOM = seeded();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {}

    private static SecureRandom seeded() {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException absent) {
            random = new SecureRandom();
        }
        random.nextBytes(new byte[1]); // seeds it here, not on the first caller's thread
        return random;
    }

    /** Initialises (and so seeds) the random source on the calling thread; nothing else. */
    public static void seed() {
        // the work happens in the static initialiser, which runs once, on the first call
    }

    /** A {@code state}: 256 random bits, URL-safe base64 without padding (43 characters). */
    public static String newState() {
        return randomBase64Url(32);
    }

    /** A code verifier: 256 random bits, URL-safe base64 without padding (43 characters, RFC 7636 §4.1). */
    public static String newVerifier() {
        return randomBase64Url(32);
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))}, the S256 {@code code_challenge}. */
    public static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", impossible);
        }
    }

    /**
     * Checks a verifier an application restored: 43 to 128 characters of {@code [A-Za-z0-9-._~]} (RFC 7636 §4.1).
     *
     * @throws IllegalArgumentException naming {@code field}, without echoing the value
     */
    public static String checkVerifier(String field, String verifier) {
        Checks.token(field, verifier);
        if (verifier.length() < 43 || verifier.length() > 128 || !verifier.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException(field + " must be 43 to 128 characters of [A-Za-z0-9-._~]");
        }
        return verifier;
    }

    /** Compares two secrets in time independent of where they differ. */
    public static boolean sameSecret(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomBase64Url(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return BASE64URL.encodeToString(random);
    }
}
