package dk.firmafon.spring.boot;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code firmafon.*} properties. Secrets ({@code firmafon.token}, the proxy password) are never printed: this
 * class and its parts keep {@link Object#toString()}.
 */
@ConfigurationProperties("firmafon")
public class FirmafonProperties {
    /** Whether to create the Firmafon beans. */
    private boolean enabled = true;

    /** Which service to talk to: its API base URI (and, for sign-in, its OAuth endpoints). */
    private Preset preset = Preset.FIRMAFON;

    /** The API base URI, instead of the preset's (a test server, say). */
    private URI baseUri;

    /** A personal access token: every request is made as its owner. */
    private String token;

    /** How the token is sent. */
    private TokenPlacement tokenPlacement = TokenPlacement.BEARER;

    /** Time allowed to open a connection (TLS handshake included). */
    private Duration connectTimeout;

    /** Longest silence allowed while waiting for a response. */
    private Duration responseTimeout;

    /** Deadline of each attempt, from request written to response complete. */
    private Duration attemptTimeout;

    /** Deadline of a whole call, retries included; none when unset. */
    private Duration overallTimeout;

    /** Whether credentials may go over plain http to a host that is not loopback. Only for a trusted network. */
    private boolean allowInsecureHttp;

    /** Time running requests get to finish when the application shuts down, before the pool is closed. */
    private Duration shutdownGrace = Duration.ofSeconds(10);

    private final Retry retry = new Retry();

    private final Pool pool = new Pool();

    private final Network network = new Network();

    private final Security security = new Security();

    private final Events events = new Events();

    private final Observations observations = new Observations();

    private final HealthCheck health = new HealthCheck();

    private final Webhooks webhooks = new Webhooks();

    /** Relatel webhook deliveries. */
    public static class Webhooks {
        /** The signing secret webhook deliveries are verified with (never logged); no receiver when unset. */
        private String signingSecret;

        /** How far a delivery's timestamp may be from now. */
        private Duration tolerance;

        public String getSigningSecret() {
            return signingSecret;
        }

        public void setSigningSecret(String signingSecret) {
            this.signingSecret = signingSecret;
        }

        public Duration getTolerance() {
            return tolerance;
        }

        public void setTolerance(Duration tolerance) {
            this.tolerance = tolerance;
        }
    }

    /** The two names of the service. */
    public enum Preset {
        /** {@code https://app.firmafon.dk/api/v2}. */
        FIRMAFON,
        /** {@code https://app.relatel.dk/api/v2}: the same API under its new name. */
        RELATEL
    }

    /** How a personal access token is sent. */
    public enum TokenPlacement {
        /** {@code Authorization: Bearer TOKEN}: the default. */
        BEARER,
        /** HTTP Basic with the token as user name. */
        BASIC,
        /** The {@code access_token} query parameter: ends up in server logs; only where a header cannot be sent. */
        QUERY_PARAMETER
    }

    /** When failed requests are repeated. */
    public static class Retry {
        /** Attempts per request, the first included (1 turns retries off). */
        private Integer maxAttempts;

        /** Backoff before the first retry. */
        private Duration initialBackoff;

        /** Longest backoff between attempts. */
        private Duration maxBackoff;

        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }

    /** The connection pool. */
    public static class Pool {
        /** Most connections open at once. */
        private Integer maxConnections;

        /** Longest wait for a free connection. */
        private Duration acquireTimeout;

        public Integer getMaxConnections() {
            return maxConnections;
        }

        public void setMaxConnections(Integer maxConnections) {
            this.maxConnections = maxConnections;
        }

        public Duration getAcquireTimeout() {
            return acquireTimeout;
        }

        public void setAcquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
        }
    }

    /** Proxy, TLS, compression and User-Agent, for API calls, downloads, the token endpoint and live events. */
    public static class Network {
        /** Use the JVM's proxy properties and the HTTPS_PROXY / HTTP_PROXY / NO_PROXY environment variables. */
        private boolean systemProxy;

        /** Ask for gzip/deflate responses. */
        private boolean compression;

        /** The application's product token(s), sent before the SDK's, such as {@code myapp/1.2}. */
        private String userAgent;

        /** A PEM file of CA certificates to trust instead of the JVM's. */
        private Path trustedCertificates;

        /** TLS protocols to allow, such as {@code TLSv1.3}. */
        private List<String> tlsProtocols = new ArrayList<>();

        private final Proxy proxy = new Proxy();

        public boolean isSystemProxy() {
            return systemProxy;
        }

        public void setSystemProxy(boolean systemProxy) {
            this.systemProxy = systemProxy;
        }

        public boolean isCompression() {
            return compression;
        }

        public void setCompression(boolean compression) {
            this.compression = compression;
        }

        public String getUserAgent() {
            return userAgent;
        }

        public void setUserAgent(String userAgent) {
            this.userAgent = userAgent;
        }

        public Path getTrustedCertificates() {
            return trustedCertificates;
        }

        public void setTrustedCertificates(Path trustedCertificates) {
            this.trustedCertificates = trustedCertificates;
        }

        public List<String> getTlsProtocols() {
            return tlsProtocols;
        }

        public void setTlsProtocols(List<String> tlsProtocols) {
            this.tlsProtocols = tlsProtocols;
        }

        public Proxy getProxy() {
            return proxy;
        }
    }

    /** An explicit HTTP proxy. */
    public static class Proxy {
        /** The proxy's host; no proxy when unset. */
        private String host;

        /** The proxy's port. */
        private int port = 3128;

        /** User name for the proxy, if it asks for one. */
        private String username;

        /** Password for the proxy (never logged). */
        private String password;

        /** Hosts reached directly, such as {@code *.internal} or {@code localhost}. */
        private List<String> nonProxyHosts = new ArrayList<>();

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<String> getNonProxyHosts() {
            return nonProxyHosts;
        }

        public void setNonProxyHosts(List<String> nonProxyHosts) {
            this.nonProxyHosts = nonProxyHosts;
        }
    }

    /** Sign-in with Spring Security: requests are made as the signed-in user. */
    public static class Security {
        /** Whether the signed-in user's token is used when a matching client registration exists. */
        private boolean enabled = true;

        /** The Spring Security client registration whose tokens are sent ({@code firmafon} or {@code relatel}). */
        private String registrationId = "firmafon";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getRegistrationId() {
            return registrationId;
        }

        public void setRegistrationId(String registrationId) {
            this.registrationId = registrationId;
        }
    }

    /** The live-event feed. */
    public static class Events {
        /** The feed's URI, instead of the service's. */
        private URI feedUri;

        /** Try a WebSocket first (long-polling otherwise). */
        private boolean webSocket = true;

        /** Events buffered per slow subscriber before it is told of a gap. */
        private Integer buffer;

        /** Failed feed connections after which events are polled from the REST API instead. */
        private Integer pollingFallbackAfter;

        public URI getFeedUri() {
            return feedUri;
        }

        public void setFeedUri(URI feedUri) {
            this.feedUri = feedUri;
        }

        public boolean isWebSocket() {
            return webSocket;
        }

        public void setWebSocket(boolean webSocket) {
            this.webSocket = webSocket;
        }

        public Integer getBuffer() {
            return buffer;
        }

        public void setBuffer(Integer buffer) {
            this.buffer = buffer;
        }

        public Integer getPollingFallbackAfter() {
            return pollingFallbackAfter;
        }

        public void setPollingFallbackAfter(Integer pollingFallbackAfter) {
            this.pollingFallbackAfter = pollingFallbackAfter;
        }
    }

    /** Micrometer observations of every API call. */
    /** The {@code firmafon} health indicator ({@code management.health.firmafon.enabled} switches it off). */
    public static class HealthCheck {
        /** Whether a probe calls the API (GET /employee, never retried); false reports the client's state only. */
        private boolean callApi = true;

        /** The bound of the probe's API call. */
        private Duration timeout = Duration.ofSeconds(5);

        /** How long a result is reused, so frequent probes cost one API call per interval; 0 calls on every probe. */
        private Duration cacheFor = Duration.ofSeconds(30);

        public boolean isCallApi() {
            return callApi;
        }

        public void setCallApi(boolean callApi) {
            this.callApi = callApi;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public Duration getCacheFor() {
            return cacheFor;
        }

        public void setCacheFor(Duration cacheFor) {
            this.cacheFor = cacheFor;
        }
    }

    public static class Observations {
        /** Whether API calls are observed when an ObservationRegistry exists. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Preset getPreset() {
        return preset;
    }

    public void setPreset(Preset preset) {
        this.preset = preset;
    }

    public URI getBaseUri() {
        return baseUri;
    }

    public void setBaseUri(URI baseUri) {
        this.baseUri = baseUri;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public TokenPlacement getTokenPlacement() {
        return tokenPlacement;
    }

    public void setTokenPlacement(TokenPlacement tokenPlacement) {
        this.tokenPlacement = tokenPlacement;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Duration getAttemptTimeout() {
        return attemptTimeout;
    }

    public void setAttemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
    }

    public Duration getOverallTimeout() {
        return overallTimeout;
    }

    public void setOverallTimeout(Duration overallTimeout) {
        this.overallTimeout = overallTimeout;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public Duration getShutdownGrace() {
        return shutdownGrace;
    }

    public void setShutdownGrace(Duration shutdownGrace) {
        this.shutdownGrace = shutdownGrace;
    }

    public Retry getRetry() {
        return retry;
    }

    public Pool getPool() {
        return pool;
    }

    public Network getNetwork() {
        return network;
    }

    public Security getSecurity() {
        return security;
    }

    public Events getEvents() {
        return events;
    }

    public Observations getObservations() {
        return observations;
    }

    public HealthCheck getHealth() {
        return health;
    }

    public Webhooks getWebhooks() {
        return webhooks;
    }

    /** The API base: {@link #getBaseUri()} when set, else the preset's. */
    public URI apiBaseUri() {
        if (baseUri != null) {
            return baseUri;
        }
        return preset == Preset.RELATEL ? dk.firmafon.Firmafon.RELATEL : dk.firmafon.Firmafon.FIRMAFON;
    }
}
