package dk.firmafon.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.auth.internal.Checks;
import dk.firmafon.auth.internal.Network;
import dk.firmafon.auth.internal.Redaction;
import dk.firmafon.auth.internal.SdkVersion;
import dk.firmafon.auth.internal.SharedConnections;
import dk.firmafon.auth.internal.Timeouts;
import dk.firmafon.core.internal.Call;
import dk.firmafon.core.internal.Exchange;
import dk.firmafon.core.internal.Hosts;
import dk.firmafon.core.internal.JsonReaders;
import dk.firmafon.core.internal.Lifecycle;
import dk.firmafon.core.internal.Pipeline;
import dk.firmafon.core.internal.netty.NettyExchange;
import dk.firmafon.core.netty.NettyHttpClient;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.net.NetworkSettings;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * One configured, immutable, thread-safe connection to the Firmafon API. Build one per application (it owns
 * a connection pool) and share it; derive variants with {@link #mutate()}; {@link #close()} releases the pool.
 *
 * <pre>{@code
 * FirmafonClient client = FirmafonClient.builder()
 *     .baseUri(FirmafonClient.FIRMAFON)
 *     .auth(AuthStrategy.bearer(token))
 *     .build();
 * Mono<Call> call = client.retrieve(ApiRequest.get("/calls/" + ApiRequest.pathSegment(uuid)), "call", Call.class);
 * }</pre>
 *
 * <p>Every method returns a cold publisher: nothing is sent before subscription, and every error is delivered in
 * the stream: a {@link dk.firmafon.error.FirmafonException} (API error by status, I/O, decoding, security) or an
 * {@link IllegalArgumentException} naming a bad argument.
 *
 * <p>Each request passes a fixed pipeline: retry (outermost; {@link RetryPolicy}) → auth (the credential applied on
 * every attempt; on 401 the credential is invalidated and the request replayed once if the strategy renewed it) →
 * logging (DEBUG on {@code dk.firmafon.core}, redacted) → metrics ({@link ExchangeListener}) → the HTTP exchange.
 * Every request sends {@code Accept: application/json} (downloads: {@code *}{@code /*}) and
 * {@code User-Agent: firmafon-java-sdk/<version>}; redirects are not followed.
 */
public final class FirmafonClient implements AutoCloseable {
    /** {@code https://app.firmafon.dk/api/v2}. */
    public static final URI FIRMAFON = URI.create("https://app.firmafon.dk/api/v2");
    /** {@code https://app.relatel.dk/api/v2}: the same API under Firmafon's new name. */
    public static final URI RELATEL = URI.create("https://app.relatel.dk/api/v2");

    private final Builder settings;
    private final String base;
    private final ObjectMapper mapper;
    private final HttpClient pooled;
    private final @Nullable ConnectionProvider ownedPool;
    /** This client's requests: refused after close, cancelled by close. */
    private final Lifecycle lifecycle = new Lifecycle("this FirmafonClient");
    /** The lifecycle of the client that owns the pool this one shares (through {@link #mutate()}), else null. */
    private final @Nullable Lifecycle poolOwner;

    private final Exchange pipeline;
    private final JsonReaders readers;

    private FirmafonClient(
            Builder settings,
            HttpClient pooled,
            @Nullable ConnectionProvider ownedPool,
            @Nullable Lifecycle poolOwner) {
        this.settings = settings;
        this.pooled = pooled;
        this.ownedPool = ownedPool;
        this.poolOwner = poolOwner;
        String uri = Checks.canonical(settings.baseUri);
        this.base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        this.mapper = settings.objectMapper != null ? settings.objectMapper : newObjectMapper();
        String userAgent = Network.userAgent(settings.network, SdkVersion.USER_AGENT);
        HttpClient configured = pooled.option(
                        ChannelOption.CONNECT_TIMEOUT_MILLIS, Timeouts.connectMillis(settings.connectTimeout))
                .followRedirect(false)
                .headers(headers -> headers.set(HttpHeaderNames.ACCEPT, "application/json")
                        .set(HttpHeaderNames.USER_AGENT, userAgent));
        // proxy, TLS (the handshake counts against connectTimeout; a client passed in keeps its own TLS settings
        // unless the network settings set some), compression
        configured =
                Network.configure(configured, settings.network, settings.baseUri.getScheme(), settings.connectTimeout);
        NettyExchange exchange = new NettyExchange(
                configured,
                settings.connectTimeout,
                settings.responseTimeout,
                settings.poolAcquireTimeout,
                settings.attemptTimeout);
        this.pipeline = Pipeline.create(exchange, settings.listener, settings.auth, settings.retryPolicy);
        this.readers = new JsonReaders(mapper, settings.maxResponseSize, settings.retryPolicy.clock());
    }

    /** A builder with the defaults: {@link #FIRMAFON}, 10 s / 30 s / 45 s timeouts, {@link RetryPolicy#defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A fresh mapper configured as the SDK needs: snake_case names, unknown fields ignored, {@code java.time} and
     * {@code Optional} support, dates written as ISO-8601 strings with their offsets kept, absent values not written,
     * {@code null} elements of lists skipped (a list of ids never fails on a {@code null} entry), a number with a
     * fraction refused for an integer field ({@code 1.9} is not the id 1), and a key that appears twice in one object
     * taking its last value. (The client's response readers also refuse anything after the JSON document.) Customise a copy and pass it to
     * {@link Builder#objectMapper(ObjectMapper)}.
     */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
                .withConfigOverride(
                        List.class, list -> list.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.SKIP)))
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .build();
    }

    /**
     * A builder initialised from this client; the built client shares this one's connection pool (unless a pool
     * setting is changed on the builder) and does not close it. Closing this client closes the shared pool.
     */
    public Builder mutate() {
        Builder copy = settings.copy();
        copy.shared = pooled;
        copy.sharedPoolOwner = poolOwner != null ? poolOwner : lifecycle;
        return copy;
    }

    /**
     * A builder for the application's {@link OAuth2Client} whose token requests run on this client's connection
     * pool, with its network settings (proxy, TLS, {@code User-Agent}), timeouts and plain-http rule, and its base
     * URI (so the token endpoint is {@code <baseUri>/token}). Set the client id, secret and redirect URI and build.
     * Closing this client (or the one whose pool it shares) ends that OAuth client's token requests as well.
     */
    public OAuth2Client.Builder oauth2Client() {
        OAuth2Client.Builder builder = OAuth2Client.builder()
                .baseUri(settings.baseUri)
                .network(settings.network)
                .connectTimeout(settings.connectTimeout)
                .responseTimeout(settings.responseTimeout)
                .attemptTimeout(settings.attemptTimeout)
                .allowInsecureHttp(settings.allowInsecureHttp);
        return SharedConnections.share(builder, pooled);
    }

    /**
     * This client with another way to authenticate, sharing this client's connection pool and settings: for an
     * application that acts for many users, {@code client.withAuth(oauth.forUser(userKey))} per user, over one
     * pool. Closing this client closes the pool the returned one uses.
     *
     * @throws IllegalArgumentException when {@code auth} is null
     */
    public FirmafonClient withAuth(AuthStrategy auth) {
        return mutate().auth(auth).build();
    }

    /** The API base every relative request path is appended to. */
    public URI baseUri() {
        return settings.baseUri;
    }

    /** How requests are authenticated. */
    public AuthStrategy auth() {
        return settings.auth;
    }

    /** When and how failed requests are repeated. */
    public RetryPolicy retryPolicy() {
        return settings.retryPolicy;
    }

    /** The configured mapper (snake_case, java.time, Optional, unknown fields ignored). Do not mutate it. */
    public ObjectMapper objectMapper() {
        return mapper;
    }

    /**
     * The SDK's product token in {@code User-Agent}: {@code firmafon-java-sdk/<version>} (after the application's own,
     * when {@link NetworkSettings.Builder#userAgent(String)} sets one).
     */
    public static String userAgent() {
        return SdkVersion.USER_AGENT;
    }

    /** Sends {@code request} and reads the object under {@code envelopeKey} (e.g. {@code "call"}) as {@code type}. */
    public <T> Mono<T> retrieve(ApiRequest request, String envelopeKey, Class<T> type) {
        if (envelopeKey == null || type == null) {
            return Mono.error(
                    new IllegalArgumentException((type == null ? "type" : "envelopeKey") + " must not be null"));
        }
        return Mono.fromDirect(send(request, false, readers.envelope(envelopeKey, type)));
    }

    /** Sends {@code request} and reads the array under {@code envelopeKey} (e.g. {@code "calls"}). */
    public <T> Mono<List<T>> retrieveList(ApiRequest request, String envelopeKey, Class<T> elementType) {
        if (envelopeKey == null || elementType == null) {
            return Mono.error(new IllegalArgumentException(
                    (elementType == null ? "elementType" : "envelopeKey") + " must not be null"));
        }
        return Mono.fromDirect(send(request, false, readers.envelopeList(envelopeKey, elementType)));
    }

    /** Sends {@code request} and returns the whole JSON body; completes empty when the body is empty. */
    public Mono<JsonNode> retrieveJson(ApiRequest request) {
        return Mono.fromDirect(send(request, false, readers.tree()));
    }

    /** Sends {@code request} and discards the body (for 200-with-no-useful-body endpoints). */
    public Mono<Void> execute(ApiRequest request) {
        return Mono.fromDirect(send(request, false, readers.discard()));
    }

    /**
     * Streams a binary body (e.g. voice-mail sound) without ever holding it whole. Each buffer is a copy the
     * subscriber owns; cancelling releases the connection. {@code request} may carry an absolute URI (such as
     * {@code sound.url}): credentials go only to the configured API host, otherwise the stream fails with a
     * {@link dk.firmafon.error.FirmafonSecurityException} and nothing is sent. A download that has emitted data is
     * never retried.
     */
    public Flux<ByteBuffer> download(ApiRequest request) {
        return send(request, true, readers.download());
    }

    /** Every item of a cursor-paged listing, lazily, newest first, each exactly once. */
    public <T> Flux<T> paginate(CursorPaging<T> paging) {
        if (paging == null) {
            return Flux.error(new IllegalArgumentException("paging must not be null"));
        }
        return Pager.paginate(this, paging, null);
    }

    /** Like {@link #paginate(CursorPaging)}, resuming at {@code from} (from {@link Page#next()}). */
    public <T> Flux<T> paginate(CursorPaging<T> paging, PageCursor from) {
        if (paging == null || from == null) {
            return Flux.error(new IllegalArgumentException((paging == null ? "paging" : "from") + " must not be null"));
        }
        return Pager.paginate(this, paging, from);
    }

    /** One page; {@code from == null} means the newest page. */
    public <T> Mono<Page<T>> page(CursorPaging<T> paging, @Nullable PageCursor from) {
        if (paging == null) {
            return Mono.error(new IllegalArgumentException("paging must not be null"));
        }
        return Pager.page(this, paging, from);
    }

    /**
     * Shuts down now. When it returns: every request of this client that has not been written yet has failed with a
     * {@link dk.firmafon.error.FirmafonClosedException} and will never be sent; every request in flight has been
     * cancelled (its connection closed) and failed with that exception ({@code requestMayHaveBeenSent()} true: the
     * server may have received it); every later request fails at subscription; and the connection pool this
     * client created is disposed, so no connection opens again. The clients {@link #mutate()}d from this one that
     * share its pool are shut down with it. A pool the user passed in ({@link Builder#httpClient(NettyHttpClient)})
     * stays open. Idempotent; does not block. Use it when the work in flight no longer matters (a command-line tool
     * that has printed its answer, a test); a service shutting down wants {@link #closeGracefully(Duration)}.
     */
    @Override
    public void close() {
        if (lifecycle.close()) {
            disposePool();
        }
    }

    /**
     * Shuts down gracefully: refuses new requests at once (they fail with a
     * {@link dk.firmafon.error.FirmafonClosedException} and are not sent), lets the requests already subscribed run
     * to their end for up to {@code timeout}, then does what {@link #close()} does with whatever still runs. The
     * returned {@code Mono} completes when the client is closed (after at most {@code timeout}); it never fails.
     * Cold: nothing happens before subscription. A service calls it from its shutdown hook, for example
     * {@code client.closeGracefully(Duration.ofSeconds(10)).block(Duration.ofSeconds(11))} in a Spring bean's
     * destroy method (not on an event-loop thread).
     *
     * @throws IllegalArgumentException when {@code timeout} is null or negative
     */
    public Mono<Void> closeGracefully(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or positive, was " + timeout);
        }
        return lifecycle.closeGracefully(timeout, this::disposePool);
    }

    private void disposePool() {
        if (ownedPool != null) {
            ownedPool.disposeLater().subscribe();
        }
    }

    private <R> Flux<R> send(ApiRequest request, boolean binary, dk.firmafon.core.internal.ResponseReader<R> reader) {
        if (request == null) {
            return Flux.error(new IllegalArgumentException("request must not be null"));
        }
        Call call;
        try {
            call = call(request, binary);
        } catch (IllegalArgumentException e) {
            return Flux.error(e);
        }
        Flux<R> exchange = pipeline.exchange(call, reader);
        Duration overall = settings.overallTimeout;
        if (overall != null) {
            exchange = Lifecycle.deadline(
                    exchange,
                    overall,
                    written -> new FirmafonIoException(
                            call.describe()
                                    + " failed: it did not end within " + Timeouts.describe(overall)
                                    + " (overallTimeout, all attempts and the waits between them)",
                            null,
                            FirmafonIoException.Kind.OVERALL_TIMEOUT,
                            written));
        }
        Flux<R> guarded = lifecycle.guard(exchange);
        return poolOwner == null ? guarded : poolOwner.guardShared(guarded);
    }

    private Call call(ApiRequest request, boolean binary) {
        String path = request.path();
        StringBuilder uri;
        String metricsPath;
        String refusal = null;
        if (request.isAbsolute()) {
            URI target;
            try {
                target = URI.create(path);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("path is not a valid URI: " + Redaction.uri(path), e);
            }
            if (target.getRawUserInfo() != null) {
                throw new IllegalArgumentException(
                        "path must not contain user info (user:password@), was: " + Redaction.uri(path));
            }
            refusal = Hosts.refusal(target, settings.baseUri, settings.allowInsecureHttp);
            // what was checked is what is sent: the URI as java.net.URI parsed it, not the caller's string
            uri = new StringBuilder(path.length() + 32)
                    .append(refusal == null || target.getHost() != null ? Checks.canonical(target) : path);
            metricsPath = target.getScheme().toLowerCase(Locale.ROOT) + "://" + target.getHost()
                    + (target.getPort() >= 0 ? ":" + target.getPort() : "") + target.getRawPath();
        } else {
            uri = new StringBuilder(base.length() + path.length() + 48)
                    .append(base)
                    .append(path);
            metricsPath = path;
        }
        StringBuilder hidden = new StringBuilder();
        request.appendQuery(uri, hidden);
        byte[] body = null;
        Object json = request.bodyOrNull();
        if (json != null) {
            try {
                body = mapper.writeValueAsBytes(json);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                        "body could not be written as JSON (" + json.getClass().getSimpleName() + ")", e);
            }
        }
        return Call.first(
                request.method(),
                uri.toString(),
                metricsPath,
                body,
                request.idempotent(),
                binary,
                refusal,
                hidden.length() == 0 ? null : hidden.toString(),
                request.headerArray(),
                request.timeout().map(t -> Timeouts.capped(t).toNanos()).orElse(-1L));
    }

    /**
     * Builds a {@link FirmafonClient}. Setters throw {@link IllegalArgumentException} naming a bad argument;
     * {@link #build()} requires {@link #auth(AuthStrategy)}.
     */
    public static final class Builder {
        private URI baseUri = FIRMAFON;
        private @Nullable AuthStrategy auth;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private Duration poolAcquireTimeout = Duration.ofSeconds(45);
        private int maxConnections = 100;
        private Duration maxIdleTime = Duration.ofSeconds(30);
        private Duration maxLifeTime = Duration.ofMinutes(5);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private @Nullable ObjectMapper objectMapper;
        private NetworkSettings network = NetworkSettings.defaults();
        private Duration attemptTimeout = Duration.ofSeconds(60);
        private @Nullable Duration overallTimeout;
        private long maxResponseSize = 16L * 1024 * 1024;
        private ExchangeListener listener = ExchangeListener.NONE;
        private boolean allowInsecureHttp;
        private @Nullable NettyHttpClient httpClient;
        /** A pooled HttpClient shared with the client this builder was mutated from. */
        private @Nullable HttpClient shared;
        /** The lifecycle of the client that owns {@link #shared}'s pool. */
        private @Nullable Lifecycle sharedPoolOwner;

        private Builder() {}

        private Builder copy() {
            Builder b = new Builder();
            b.baseUri = baseUri;
            b.auth = auth;
            b.connectTimeout = connectTimeout;
            b.responseTimeout = responseTimeout;
            b.poolAcquireTimeout = poolAcquireTimeout;
            b.maxConnections = maxConnections;
            b.maxIdleTime = maxIdleTime;
            b.maxLifeTime = maxLifeTime;
            b.retryPolicy = retryPolicy;
            b.objectMapper = objectMapper;
            b.network = network;
            b.attemptTimeout = attemptTimeout;
            b.overallTimeout = overallTimeout;
            b.maxResponseSize = maxResponseSize;
            b.listener = listener;
            b.allowInsecureHttp = allowInsecureHttp;
            b.httpClient = httpClient;
            b.shared = shared;
            b.sharedPoolOwner = sharedPoolOwner;
            return b;
        }

        /** Base URI: {@link #FIRMAFON} (default), {@link #RELATEL} or any other, e.g. a fake on loopback. */
        public Builder baseUri(URI baseUri) {
            if (baseUri == null
                    || !baseUri.isAbsolute()
                    || baseUri.getHost() == null
                    || !("https".equalsIgnoreCase(baseUri.getScheme()) || "http".equalsIgnoreCase(baseUri.getScheme()))
                    || baseUri.getRawQuery() != null
                    || baseUri.getRawFragment() != null
                    || baseUri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("baseUri must be an absolute http(s) URI with a host and no user "
                        + "info, query or fragment, was: " + (baseUri == null ? null : Redaction.uri(baseUri)));
            }
            this.baseUri = baseUri;
            return this;
        }

        /** How requests are authenticated. Required. */
        public Builder auth(AuthStrategy auth) {
            if (auth == null) {
                throw new IllegalArgumentException("auth must not be null");
            }
            this.auth = auth;
            return this;
        }

        /**
         * Time to establish a TCP connection, and again to complete its TLS handshake; default 10 s (more than a
         * year counts as a year). A handshake that stalls fails with kind {@code TLS_HANDSHAKE_TIMEOUT} (retried like
         * a connect timeout: nothing was sent); an untrusted certificate fails at once with a
         * {@link dk.firmafon.error.FirmafonTlsException}, never retried.
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * Time from sending a request to its response (and between body chunks); default 30 s (more than a year
         * counts as a year).
         */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = positive("responseTimeout", responseTimeout);
            return this;
        }

        /**
         * The deadline of one attempt, from writing its request to the end of its response (for a download: to the
         * response head; the body then streams for as long as it needs, watched by the response timeout); default
         * 60 s (more than a year counts as a year). Unlike {@link #responseTimeout(Duration)}, which a server resets
         * with every byte, nothing extends it: a body trickled a byte at a time, or an endless run of {@code 1xx}
         * answers, ends with a {@link dk.firmafon.error.FirmafonIoException} of kind {@code ATTEMPT_TIMEOUT},
         * which is not retried.
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = positive("attemptTimeout", attemptTimeout);
            return this;
        }

        /**
         * An optional deadline for a whole request: every attempt and every wait between them; none by default.
         * Past it the request fails with a {@link dk.firmafon.error.FirmafonIoException} of kind
         * {@code OVERALL_TIMEOUT} (its {@code requestMayHaveBeenSent()} tells whether any attempt was written).
         * A download's deadline ends when its first bytes arrive.
         */
        public Builder overallTimeout(Duration overallTimeout) {
            this.overallTimeout = positive("overallTimeout", overallTimeout);
            return this;
        }

        /**
         * How the client reaches the network: proxy, TLS trust and client certificate, compression, the application's
         * {@code User-Agent}; default {@link NetworkSettings#defaults()}. An {@code OAuth2Client} from
         * {@link FirmafonClient#oauth2Client()} uses the same settings.
         */
        public Builder network(NetworkSettings network) {
            if (network == null) {
                throw new IllegalArgumentException("network must not be null");
            }
            this.network = network;
            return this;
        }

        /** Time to wait for a free pooled connection when all {@code maxConnections} are busy; default 45 s. */
        public Builder poolAcquireTimeout(Duration poolAcquireTimeout) {
            this.poolAcquireTimeout = positive("poolAcquireTimeout", poolAcquireTimeout);
            this.shared = null;
            return this;
        }

        /** Most connections open at once; default 100. */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
            }
            this.maxConnections = maxConnections;
            this.shared = null;
            return this;
        }

        /** How long a pooled connection may stay idle before it is closed; default 30 s. */
        public Builder maxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = positive("maxIdleTime", maxIdleTime);
            this.shared = null;
            return this;
        }

        /** How long a pooled connection may live at all; default 5 minutes. */
        public Builder maxLifeTime(Duration maxLifeTime) {
            this.maxLifeTime = positive("maxLifeTime", maxLifeTime);
            this.shared = null;
            return this;
        }

        /** When and how failed requests are repeated; default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            if (retryPolicy == null) {
                throw new IllegalArgumentException("retryPolicy must not be null");
            }
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** The mapper for bodies; default {@link #newObjectMapper()}. It must keep that configuration's choices. */
        public Builder objectMapper(ObjectMapper objectMapper) {
            if (objectMapper == null) {
                throw new IllegalArgumentException("objectMapper must not be null");
            }
            this.objectMapper = objectMapper;
            return this;
        }

        /** Largest JSON response body read, in bytes; default 16 MiB. Downloads are streamed and not limited. */
        public Builder maxResponseSize(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseSize must be at least 1 byte, was " + bytes);
            }
            this.maxResponseSize = bytes;
            return this;
        }

        /** Hears about every attempt (for metrics); default {@link ExchangeListener#NONE}. */
        public Builder exchangeListener(ExchangeListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("exchangeListener must not be null");
            }
            this.listener = listener;
            return this;
        }

        /**
         * Allows sending credentials over plain {@code http://} to a host that is not loopback. Off by default:
         * only for a trusted network or proxy, never over the internet.
         */
        public Builder allowInsecureHttp(boolean allowInsecureHttp) {
            this.allowInsecureHttp = allowInsecureHttp;
            return this;
        }

        /**
         * Uses your Reactor Netty client (and its pool) instead of creating one; see {@link NettyHttpClient}. The
         * pool settings of this builder then do not apply, and {@link FirmafonClient#close()} leaves it open.
         */
        public Builder httpClient(NettyHttpClient httpClient) {
            if (httpClient == null) {
                throw new IllegalArgumentException("httpClient must not be null");
            }
            this.httpClient = httpClient;
            this.shared = null;
            return this;
        }

        /**
         * @throws IllegalArgumentException when no auth strategy was set, or the base URI is plain http to a host
         *     that is not loopback and {@link #allowInsecureHttp(boolean)} was not set
         */
        public FirmafonClient build() {
            if (auth == null) {
                throw new IllegalArgumentException("auth must be set: AuthStrategy.bearer(token), "
                        + "AuthStrategy.basic(token) or an OAuth2Auth");
            }
            String refusal = Hosts.plainHttpRefusal(baseUri, allowInsecureHttp);
            if (refusal != null) {
                throw new IllegalArgumentException("baseUri: " + refusal);
            }
            Builder frozen = copy();
            if (shared != null) {
                return new FirmafonClient(frozen, shared, null, sharedPoolOwner);
            }
            if (httpClient != null) {
                return new FirmafonClient(frozen, httpClient.httpClient(), null, null);
            }
            ConnectionProvider pool = ConnectionProvider.builder("firmafon")
                    .maxConnections(maxConnections)
                    .pendingAcquireTimeout(poolAcquireTimeout)
                    .pendingAcquireMaxCount(-1) // bounded by poolAcquireTimeout, not by a queue length
                    .maxIdleTime(maxIdleTime)
                    .maxLifeTime(maxLifeTime)
                    .evictInBackground(Duration.ofSeconds(30))
                    .build();
            return new FirmafonClient(frozen, HttpClient.create(pool), pool, null);
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
