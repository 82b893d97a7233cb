package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The OAuth 2.0 authorization-code flow of one registered client: {@code GET /authorize} redirects at once (the user
 * "grants" access), {@code POST /token} exchanges one-shot codes (PKCE checked when a challenge was given) and refresh
 * tokens. Issued access tokens are added to {@link Credentials}.
 */
public final class OAuthServer {

    /** The default lifetime of an issued access token, in seconds ({@code expires_in}). */
    public static final long DEFAULT_EXPIRES_IN = 7200;

    private static final String INVALID_GRANT =
            "The provided authorization grant is invalid, expired, revoked, does not "
                    + "match the redirection URI used in the authorization request, or was issued to another client.";

    private record Grant(String clientId, @Nullable String redirectUri, @Nullable String challenge, String method) {}

    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final Credentials credentials;
    private final long expiresIn;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final java.time.Clock clock;
    private volatile boolean omitState;
    private volatile boolean deny;

    public OAuthServer(
            String clientId,
            String clientSecret,
            String redirectUri,
            Credentials credentials,
            long expiresIn,
            java.time.Clock clock) {
        this.expiresIn = expiresIn;
        this.clock = clock;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        this.credentials = credentials;
    }

    public void omitState(boolean omit) {
        this.omitState = omit;
    }

    public void deny(boolean deny) {
        this.deny = deny;
    }

    public void reset() {
        codes.clear();
        refreshTokens.clear();
        omitState = false;
        deny = false;
    }

    void register(Router router) {
        router.get("/authorize", this::authorize).post("/token", this::token);
    }

    private Reply authorize(Exchange exchange) {
        if (!clientId.equals(exchange.param("client_id").orElse(""))) {
            return oauthError(400, "invalid_client", "Client authentication failed due to unknown client.");
        }
        String given = exchange.param("redirect_uri").orElse(null);
        if (given != null && !given.equals(redirectUri)) {
            return oauthError(
                    400,
                    "invalid_redirect_uri",
                    "The requested redirect uri is malformed or doesn't match client redirect URI.");
        }
        String state = exchange.param("state").orElse(null);
        if (!"code".equals(exchange.param("response_type").orElse(""))) {
            return redirect("error=unsupported_response_type", state);
        }
        String challenge = exchange.param("code_challenge").orElse(null);
        String method = exchange.param("code_challenge_method").orElse("plain");
        if (challenge != null && !method.equals("S256") && !method.equals("plain")) {
            return redirect(
                    "error=invalid_request&error_description=" + encode("code_challenge_method must be S256 or plain"),
                    state);
        }
        if (deny) {
            return redirect(
                    "error=access_denied&error_description=" + encode("The resource owner denied the request."), state);
        }
        String code = secret();
        codes.put(code, new Grant(clientId, given, challenge, method));
        return redirect("code=" + code, state);
    }

    private Reply redirect(String parameters, @Nullable String state) {
        StringBuilder location = new StringBuilder(redirectUri)
                .append(URI.create(redirectUri).getRawQuery() == null ? '?' : '&')
                .append(parameters);
        if (state != null && !omitState) {
            location.append("&state=").append(encode(state));
        }
        return Reply.redirect(location.toString());
    }

    private Reply token(Exchange exchange) {
        String[] client = client(exchange);
        if (!clientId.equals(client[0]) || !clientSecret.equals(client[1])) {
            return oauthError(
                            401,
                            "invalid_client",
                            "Client authentication failed due to unknown client, no client "
                                    + "authentication included, or unsupported authentication method.")
                    .withHeader("WWW-Authenticate", "Basic realm=\"Doorkeeper\"");
        }
        String grantType = exchange.param("grant_type").orElse("");
        return switch (grantType) {
            case "authorization_code" -> exchangeCode(exchange);
            case "refresh_token" -> refresh(exchange);
            case "" -> oauthError(400, "invalid_request", "The request is missing a required parameter: grant_type.");
            default -> oauthError(400, "unsupported_grant_type", "The authorization grant type is not supported.");
        };
    }

    /** client_secret_basic (URL-encoded id:secret in Basic) or client_secret_post (parameters). */
    private static String[] client(Exchange exchange) {
        String header = exchange.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = Credentials.decodeBasic(header.substring(6).trim());
            if (decoded != null && decoded.contains(":")) {
                int colon = decoded.indexOf(':');
                return new String[] {
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
                };
            }
        }
        return new String[] {
            exchange.param("client_id").orElse(""),
            exchange.param("client_secret").orElse("")
        };
    }

    private Reply exchangeCode(Exchange exchange) {
        String code = exchange.param("code").orElse("");
        if (code.isEmpty()) {
            return oauthError(400, "invalid_request", "The request is missing a required parameter: code.");
        }
        Grant grant = codes.remove(code);
        if (grant == null || !grant.clientId().equals(clientId)) {
            return oauthError(400, "invalid_grant", INVALID_GRANT);
        }
        if (grant.redirectUri() != null
                && !grant.redirectUri().equals(exchange.param("redirect_uri").orElse(null))) {
            return oauthError(400, "invalid_grant", INVALID_GRANT);
        }
        if (grant.challenge() != null
                && !verifies(grant, exchange.param("code_verifier").orElse(null))) {
            return oauthError(400, "invalid_grant", "The code verifier does not match the code challenge.");
        }
        return issue();
    }

    private static boolean verifies(Grant grant, @Nullable String verifier) {
        if (verifier == null) {
            return false;
        }
        if (grant.method().equals("plain")) {
            return verifier.equals(grant.challenge());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .equals(grant.challenge());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private Reply refresh(Exchange exchange) {
        String refreshToken = exchange.param("refresh_token").orElse("");
        if (refreshToken.isEmpty()) {
            return oauthError(400, "invalid_request", "The request is missing a required parameter: refresh_token.");
        }
        if (refreshTokens.remove(refreshToken) == null) {
            return oauthError(400, "invalid_grant", INVALID_GRANT);
        }
        return issue();
    }

    private Reply issue() {
        String accessToken = secret();
        String refreshToken = secret();
        credentials.add(accessToken);
        refreshTokens.put(refreshToken, clientId);
        ObjectNode body = Json.object()
                .put("access_token", accessToken)
                .put("token_type", "bearer")
                .put("expires_in", expiresIn)
                .put("refresh_token", refreshToken)
                .put("created_at", clock.instant().getEpochSecond());
        return noStore(Reply.ok(body));
    }

    private static Reply oauthError(int status, String error, String description) {
        return noStore(Reply.json(status, Json.object().put("error", error).put("error_description", description)));
    }

    private static Reply noStore(Reply reply) {
        return reply.withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
    }

    private String secret() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
