package dk.firmafon.auth;

import dk.firmafon.auth.internal.FormUrlEncoding;
import dk.firmafon.auth.internal.NettyTokenTransport;
import dk.firmafon.auth.internal.OAuthSettings;
import dk.firmafon.auth.internal.Pkce;
import dk.firmafon.auth.internal.SharedConnections;
import dk.firmafon.auth.internal.TokenEndpoint;
import dk.firmafon.auth.internal.TokenManager;
import dk.firmafon.error.AuthorizationErrorException;
import dk.firmafon.error.OAuthCallbackException;
import dk.firmafon.error.StateMismatchException;
import dk.firmafon.foundation.internal.Checks;
import dk.firmafon.foundation.internal.Redaction;
import dk.firmafon.net.NetworkSettings;
import dk.firmafon.net.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * An application's OAuth 2.0 client for Firmafon (or any standard authorization server): configured once, then used
 * for every user.
 *
 * <pre>{@code
 * OAuth2Client oauth = OAuth2Client.builder()
 *         .clientId(id).clientSecret(secret).redirectUri(URI.create("https://app.example/callback"))
 *         .build();
 * AuthorizationRequest request = oauth.authorizationRequest();   // keep it in the user's session
 * // redirect the browser to request.uri(); Firmafon redirects back to the callback:
 * Mono<OAuth2Auth> auth = oauth.completeAuthorization("alice", callbackUri, request);
 * // later, for every API call made for alice:
 * AuthStrategy alice = oauth.forUser("alice");
 * }</pre>
 *
 * <p>Immutable and thread-safe. It owns a small connection pool for the token endpoint ({@link #close()} it when
 * the application stops), unless it comes from {@code FirmafonClient.oauth2Client()}: then it shares the API client's
 * pool and network settings, and closing the API client ends its token requests too. {@link #mutate()} gives a builder with this configuration (and the same token store).
 */
public final class OAuth2Client implements AutoCloseable {
    /** Firmafon's API base: the authorize and token endpoints default to {@code /authorize} and {@code /token}. */
    public static final URI FIRMAFON = URI.create("https://app.firmafon.dk/api/v2");
    /** Relatel's API base (the same service under another brand). */
    public static final URI RELATEL = URI.create("https://app.relatel.dk/api/v2");

    private final OAuthSettings config;
    private final URI authorizeUri;
    private final URI tokenUri;
    private final TokenEndpoint endpoint;
    private final TokenManager tokens;

    private OAuth2Client(OAuthSettings config) {
        this.config = config;
        Pkce.seed(); // on the building thread, so no request for state or verifier ever seeds it
        this.authorizeUri = config.authorizeUri().orElseGet(() -> endpoint(config.baseUri(), "authorize"));
        this.tokenUri = config.tokenUri().orElseGet(() -> endpoint(config.baseUri(), "token"));
        this.endpoint = new TokenEndpoint(
                tokenUri,
                config.clientId().orElseThrow(),
                config.clientSecret().orElseThrow(),
                config.clientAuthentication(),
                config.clock(),
                config.transportProvider()
                        .map(provider -> provider.apply(config.transport()))
                        .orElseGet(() -> new NettyTokenTransport(tokenUri, config.transport())));
        this.tokens = new TokenManager(
                endpoint,
                config.tokenStore().orElseThrow(),
                config.tokenListener().orElse(null),
                config.clock(),
                config.refreshAhead(),
                config.transport().retryPolicy());
    }

    private URI redirectUri() {
        return config.redirectUri().orElseThrow();
    }

    private static URI endpoint(URI base, String name) {
        String text = base.toString();
        return URI.create(text + (text.endsWith("/") ? "" : "/") + name);
    }

    /** A builder; {@code clientId}, {@code clientSecret} and {@code redirectUri} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this client's configuration, including the same token store, clock and listener. */
    public Builder mutate() {
        return new Builder(config);
    }

    /** The authorize endpoint the user's browser is sent to. */
    public URI authorizeUri() {
        return authorizeUri;
    }

    /** The token endpoint codes and refresh tokens are exchanged at. */
    public URI tokenUri() {
        return tokenUri;
    }

    /**
     * A new authorization request with a fresh random {@code state} (256 bits) and, with PKCE on, a fresh code
     * verifier. Redirect the user's browser to its {@link AuthorizationRequest#uri()} and keep the request for the
     * callback.
     */
    public AuthorizationRequest authorizationRequest() {
        return request(Pkce.newState(), config.pkce() ? Pkce.newVerifier() : null);
    }

    /**
     * Rebuilds an authorization request from the {@code state} and {@code codeVerifier} an application kept (e.g. in
     * a session store that holds only strings), or builds one with the application's own {@code state}.
     *
     * @param codeVerifier required when PKCE is on; {@code null} when it is off
     * @throws IllegalArgumentException naming the argument when it is missing or malformed
     */
    public AuthorizationRequest authorizationRequest(String state, @Nullable String codeVerifier) {
        Checks.token("state", state);
        if (config.pkce() && codeVerifier == null) {
            throw new IllegalArgumentException("codeVerifier must not be null when PKCE is on");
        }
        return request(state, codeVerifier == null ? null : Pkce.checkVerifier("codeVerifier", codeVerifier));
    }

    private AuthorizationRequest request(String state, @Nullable String codeVerifier) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", config.clientId().orElseThrow());
        parameters.put("response_type", "code");
        parameters.put("redirect_uri", redirectUri().toString());
        parameters.put("state", state);
        if (codeVerifier != null) {
            parameters.put("code_challenge", Pkce.challenge(codeVerifier));
            parameters.put("code_challenge_method", "S256");
        }
        String separator = authorizeUri.getRawQuery() == null ? "?" : "&";
        URI uri = URI.create(authorizeUri + separator + FormUrlEncoding.encode(parameters));
        return new AuthorizationRequest(uri, state, codeVerifier);
    }

    /**
     * The authorization code from the callback the authorization server redirected the user's browser to.
     *
     * @throws AuthorizationErrorException when the callback carries {@code error} (e.g. {@code access_denied})
     * @throws StateMismatchException when the state check is on and {@code state} is missing or different
     * @throws OAuthCallbackException when the callback's scheme, host, port or path is not the registered
     *     {@code redirectUri}'s, when it carries no code or repeats a parameter, or when {@code request} was already
     *     used by a callback
     * @throws IllegalArgumentException when an argument is null
     */
    public AuthorizationCode authorizationCode(URI callbackUri, AuthorizationRequest request) {
        Checks.notNull("callbackUri", callbackUri);
        if (!sameEndpoint(callbackUri, redirectUri())) {
            throw new OAuthCallbackException("the callback " + endpointOf(callbackUri)
                    + " is not the registered redirectUri " + endpointOf(redirectUri())
                    + " (scheme, host, port and path must match)");
        }
        String query = callbackUri.getRawQuery();
        return code(FormUrlEncoding.decode(query == null ? "" : query), Checks.notNull("request", request));
    }

    private static boolean sameEndpoint(URI callback, URI registered) {
        return callback.isAbsolute()
                && callback.getHost() != null
                && registered.getScheme().equalsIgnoreCase(callback.getScheme())
                && registered.getHost().equalsIgnoreCase(callback.getHost())
                && port(registered) == port(callback)
                && normalPath(registered).equals(normalPath(callback));
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private static String normalPath(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** {@code scheme://host:port/path}: never the query, which holds the code. */
    private static String endpointOf(URI uri) {
        return Redaction.excerpt(uri.getScheme() + "://" + uri.getHost() + ":" + port(uri) + normalPath(uri), 200);
    }

    /**
     * As {@link #authorizationCode(URI, AuthorizationRequest)}, for the callback's query parameters as a web
     * framework hands them over (decoded). The framework's routing stands for the check of the callback's
     * endpoint: map only the registered redirect path to it.
     */
    public AuthorizationCode authorizationCode(Map<String, String> callbackParameters, AuthorizationRequest request) {
        Checks.notNull("callbackParameters", callbackParameters);
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        callbackParameters.forEach((name, value) -> parameters.put(name, List.of(value)));
        return code(parameters, Checks.notNull("request", request));
    }

    private AuthorizationCode code(Map<String, List<String>> parameters, AuthorizationRequest request) {
        String error = single(parameters, "error");
        if (error != null) {
            throw new AuthorizationErrorException(
                    error, single(parameters, "error_description"), single(parameters, "error_uri"));
        }
        if (config.verifyState()) {
            String state = single(parameters, "state");
            if (state == null) {
                throw new StateMismatchException(true);
            }
            if (!Pkce.sameSecret(state, request.state())) {
                throw new StateMismatchException(false);
            }
        }
        String code = single(parameters, "code");
        if (code == null || code.isBlank()) {
            throw new OAuthCallbackException("the callback carries neither a code nor an error");
        }
        AuthorizationCode parsed;
        try {
            parsed = AuthorizationCode.of(code);
        } catch (IllegalArgumentException malformed) {
            throw new OAuthCallbackException("the callback's code is malformed: " + malformed.getMessage());
        }
        if (!request.use()) {
            throw new OAuthCallbackException("this AuthorizationRequest was already completed by a callback; an "
                    + "authorization request is single-use: start a new one");
        }
        return parsed;
    }

    private static @Nullable String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new OAuthCallbackException("the callback repeats the parameter " + name);
        }
        return values.get(0);
    }

    /**
     * Exchanges the code for a token (one POST, never retried: a code works once) without storing it.
     *
     * @return the token; or a {@link dk.firmafon.error.TokenEndpointException} (e.g. {@code invalid_grant}), a
     *     {@link dk.firmafon.error.FirmafonIoException}, or an {@link IllegalArgumentException} for a null argument
     */
    public Mono<OAuthToken> exchange(AuthorizationCode code, AuthorizationRequest request) {
        return Mono.defer(() -> {
            Checks.notNull("code", code);
            Checks.notNull("request", request);
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("code", code.value());
            parameters.put("redirect_uri", redirectUri().toString());
            request.codeVerifier().ifPresent(verifier -> parameters.put("code_verifier", verifier));
            return endpoint.request("authorization_code", parameters);
        });
    }

    /**
     * Exchanges the code, stores the token for {@code userKey} (telling the token listener), and returns the user's
     * strategy.
     */
    public Mono<OAuth2Auth> exchangeAndStore(String userKey, AuthorizationCode code, AuthorizationRequest request) {
        return Mono.defer(() -> {
            Checks.text("userKey", userKey);
            return exchange(code, request)
                    .flatMap(token -> tokens.store(userKey, token))
                    .map(token -> new OAuth2Auth(userKey, tokens));
        });
    }

    /**
     * The whole callback step in one stream: reads the code from the callback (callback errors are delivered in
     * the stream, see {@link #authorizationCode(URI, AuthorizationRequest)}), exchanges and stores it.
     */
    public Mono<OAuth2Auth> completeAuthorization(String userKey, URI callbackUri, AuthorizationRequest request) {
        return Mono.fromCallable(() -> authorizationCode(callbackUri, request))
                .flatMap(code -> exchangeAndStore(userKey, code, request));
    }

    /**
     * The strategy that authenticates requests as {@code userKey}, with whatever token the store holds for that key
     * (none yet: its credential fails with {@link dk.firmafon.error.ReauthorizationRequiredException}).
     *
     * @throws IllegalArgumentException when {@code userKey} is null, blank or contains control characters
     */
    public OAuth2Auth forUser(String userKey) {
        return new OAuth2Auth(Checks.text("userKey", userKey), tokens);
    }

    /** Releases the token endpoint's connection pool. Does not block. */
    @Override
    public void close() {
        endpoint.close();
    }

    @Override
    public String toString() {
        return "OAuth2Client{clientId=" + config.clientId().orElseThrow() + ", clientSecret=[REDACTED], redirectUri="
                + Redaction.uri(redirectUri()) + ", authorizeUri=" + Redaction.uri(authorizeUri)
                + ", tokenUri=" + Redaction.uri(tokenUri) + ", pkce=" + config.pkce() + ", clientAuthentication="
                + config.clientAuthentication() + ", verifyState=" + config.verifyState() + "}";
    }

    /**
     * Configures an {@link OAuth2Client}. Every value is checked by {@link #build()}; a null where a value is
     * required is refused at once.
     */
    public static final class Builder {
        static {
            SharedConnections.register((builder, transport, provider) -> {
                builder.settings = builder.settings.withTransport(transport).withTransportProvider(provider);
                return builder;
            });
        }

        /** Everything set so far: replaced, never changed, by each setter, so a copy is this reference. */
        private OAuthSettings settings;

        private Builder() {
            this(OAuthSettings.defaults());
        }

        private Builder(OAuthSettings settings) {
            this.settings = settings;
        }

        /** The client id Firmafon issued to the application. Required. */
        public Builder clientId(String clientId) {
            settings = settings.withClientId(Optional.ofNullable(clientId));
            return this;
        }

        /** The client secret. Required; never printed. */
        public Builder clientSecret(String clientSecret) {
            settings = settings.withClientSecret(Optional.ofNullable(clientSecret));
            return this;
        }

        /** The redirect URI registered for the application: absolute. Required. */
        public Builder redirectUri(URI redirectUri) {
            settings = settings.withRedirectUri(Optional.ofNullable(redirectUri));
            return this;
        }

        /**
         * The API base the endpoints default to ({@code base/authorize}, {@code base/token}): {@link #FIRMAFON}
         * (the default), {@link #RELATEL}, or any absolute URI.
         */
        public Builder baseUri(URI baseUri) {
            settings = settings.withBaseUri(Checks.absoluteUri("baseUri", baseUri));
            return this;
        }

        /** Overrides the authorize endpoint (for any standard OAuth 2.0 server). */
        public Builder authorizeUri(URI authorizeUri) {
            settings = settings.withAuthorizeUri(Optional.ofNullable(authorizeUri));
            return this;
        }

        /** Overrides the token endpoint (for any standard OAuth 2.0 server). */
        public Builder tokenUri(URI tokenUri) {
            settings = settings.withTokenUri(Optional.ofNullable(tokenUri));
            return this;
        }

        /**
         * Whether to use PKCE S256 (RFC 7636): on by default. Servers that do not know PKCE ignore its parameters
         * (RFC 6749 §3.1).
         */
        public Builder pkce(boolean pkce) {
            settings = settings.withPkce(pkce);
            return this;
        }

        /** How the client authenticates at the token endpoint: {@link ClientAuthentication#CLIENT_SECRET_POST} by default. */
        public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
            settings = settings.withClientAuthentication(Checks.notNull("clientAuthentication", clientAuthentication));
            return this;
        }

        /**
         * Whether the callback must carry back the request's {@code state}: on by default. Turn it off only for a
         * server that does not echo {@code state}; the callback then loses its CSRF protection.
         */
        public Builder verifyState(boolean verifyState) {
            settings = settings.withVerifyState(verifyState);
            return this;
        }

        /**
         * Allows a plain {@code http://} token endpoint on a host that is not loopback. Off by default: the client
         * secret, codes and tokens would cross the network unencrypted (RFC 6749 §3.2 requires TLS).
         */
        public Builder allowInsecureHttp(boolean allowInsecureHttp) {
            settings = settings.withTransport(settings.transport().withAllowInsecureHttp(allowInsecureHttp));
            return this;
        }

        /** Where users' tokens are kept: a new {@link TokenStore#inMemory()} by default. */
        public Builder tokenStore(TokenStore tokenStore) {
            settings = settings.withTokenStore(Checks.notNull("tokenStore", tokenStore));
            return this;
        }

        /** Told whenever a user's token is stored or removed, e.g. to persist it. */
        public Builder tokenListener(TokenListener tokenListener) {
            settings = settings.withTokenListener(Checks.notNull("tokenListener", tokenListener));
            return this;
        }

        /** The clock token expiry is computed with: the UTC system clock by default. */
        public Builder clock(Clock clock) {
            settings = settings.withClock(Checks.notNull("clock", clock));
            return this;
        }

        /** How long before its expiry a token is refreshed (when it has a refresh token): 60 seconds by default. */
        public Builder refreshAhead(Duration refreshAhead) {
            if (Checks.notNull("refreshAhead", refreshAhead).isNegative()) {
                throw new IllegalArgumentException("refreshAhead must not be negative");
            }
            settings = settings.withRefreshAhead(refreshAhead);
            return this;
        }

        /** How long connecting to the token endpoint may take: 10 seconds by default (at most a year applies). */
        public Builder connectTimeout(Duration connectTimeout) {
            settings = settings.withTransport(
                    settings.transport().withConnectTimeout(positive("connectTimeout", connectTimeout)));
            return this;
        }

        /** How long the token endpoint may take to answer: 30 seconds by default (at most a year applies). */
        public Builder responseTimeout(Duration responseTimeout) {
            settings = settings.withTransport(
                    settings.transport().withResponseTimeout(positive("responseTimeout", responseTimeout)));
            return this;
        }

        /**
         * The deadline of one token request, from its start to the end of the answer, however the server trickles
         * it: 60 seconds by default (at most a year applies). Past it the request fails with a
         * {@link dk.firmafon.error.FirmafonIoException} of kind {@code ATTEMPT_TIMEOUT}.
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            settings = settings.withTransport(
                    settings.transport().withAttemptTimeout(positive("attemptTimeout", attemptTimeout)));
            return this;
        }

        /**
         * How the token endpoint is reached: proxy, TLS trust and client certificate, compression, the
         * application's {@code User-Agent}; {@link NetworkSettings#defaults()} by default. (An {@code OAuth2Client}
         * from {@code FirmafonClient.oauth2Client()} has the API client's settings and shares its connection pool.)
         */
        public Builder network(NetworkSettings network) {
            settings = settings.withTransport(settings.transport().withNetwork(Checks.notNull("network", network)));
            return this;
        }

        /**
         * How a failed token refresh is repeated, by the same rules and engine as API calls (see
         * {@link RetryPolicy}): after an I/O failure the rules allow and after any 5xx or 429 answer of the token
         * endpoint; {@link RetryPolicy#defaults()} by default (3 attempts). The code exchange is never repeated.
         * (This replaces 0.1's {@code refreshRetries(int, Duration)}.)
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            settings = settings.withTransport(
                    settings.transport().withRetryPolicy(Checks.notNull("retryPolicy", retryPolicy)));
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalArgumentException naming the first missing or invalid setting (never echoing the secret)
         */
        public OAuth2Client build() {
            OAuthSettings s = settings;
            Checks.token("clientId", s.clientId().orElse(null));
            Checks.token("clientSecret", s.clientSecret().orElse(null));
            Checks.absoluteUri("redirectUri", s.redirectUri().orElse(null));
            s.authorizeUri().ifPresent(uri -> Checks.absoluteUri("authorizeUri", uri));
            boolean insecure = s.transport().allowInsecureHttp();
            if (s.tokenUri().isPresent()) {
                Checks.absoluteUri("tokenUri", s.tokenUri().get());
                Checks.secureUri("tokenUri", s.tokenUri().get(), insecure);
            } else {
                Checks.secureUri("baseUri", s.baseUri(), insecure);
            }
            return new OAuth2Client(s.tokenStore().isPresent() ? s : s.withTokenStore(TokenStore.inMemory()));
        }

        private static Duration positive(String field, Duration value) {
            return Checks.positive(field, value);
        }

        @Override
        public String toString() {
            return "OAuth2Client.Builder{clientId=" + settings.clientId().orElse(null) + ", clientSecret=[REDACTED]}";
        }
    }
}
