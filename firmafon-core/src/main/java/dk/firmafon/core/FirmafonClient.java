package dk.firmafon.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.auth.internal.Network;
import dk.firmafon.auth.internal.SharedConnections;
import dk.firmafon.core.internal.Attempt;
import dk.firmafon.core.internal.ClientAccess;
import dk.firmafon.core.internal.ClientSettings;
import dk.firmafon.core.internal.Connections;
import dk.firmafon.core.internal.Exchange;
import dk.firmafon.core.internal.Hosts;
import dk.firmafon.core.internal.Json;
import dk.firmafon.core.internal.JsonReaders;
import dk.firmafon.core.internal.Lifecycle;
import dk.firmafon.core.internal.Pipeline;
import dk.firmafon.core.internal.PipelineTokenTransport;
import dk.firmafon.core.internal.netty.NettyExchange;
import dk.firmafon.core.internal.netty.NettyWebSocket;
import dk.firmafon.core.netty.NettyHttpClient;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.foundation.internal.Redaction;
import dk.firmafon.foundation.internal.SdkVersion;
import dk.firmafon.foundation.internal.Timeouts;
import dk.firmafon.foundation.internal.TransportSettings;
import dk.firmafon.net.NetworkSettings;
import dk.firmafon.net.RetryPolicy;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

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
    public static final URI FIRMAFON = dk.firmafon.auth.OAuth2Client.FIRMAFON;
    /** {@code https://app.relatel.dk/api/v2}: the same API under Firmafon's new name. */
    public static final URI RELATEL = dk.firmafon.auth.OAuth2Client.RELATEL;

    static {
        ClientAccess.register(client -> new ClientAccess.Unauthenticated() {
            @Override
            public Flux<JsonNode> sendJson(Attempt call) {
                return client.guard(client.tokenExchange.exchange(call, client.readers.tree()));
            }

            @Override
            public Flux<String> webSocket(URI uri, org.reactivestreams.Publisher<String> outbound, int maxFrameBytes) {
                return client.guard(NettyWebSocket.open(client.configured, uri, outbound, maxFrameBytes));
            }
        });
    }

    /** The strategy of a client built with {@link Builder#noDefaultUser()}: no call is made without withAuth. */
    private static final AuthStrategy NO_DEFAULT_USER =
            dk.firmafon.auth.OAuth2Auth.external("no default user", new dk.firmafon.auth.ExternalTokens() {
                @Override
                public Mono<dk.firmafon.auth.OAuthToken> token() {
                    return Mono.error(new IllegalStateException("this client acts for many users and has no identity"
                            + " of its own: make each call on client.withAuth(oauth.forUser(userKey)) (nothing was"
                            + " sent)"));
                }

                @Override
                public Mono<Boolean> rejected(String accessToken) {
                    return Mono.just(Boolean.FALSE);
                }
            });

    private final ClientSettings settings;
    private final ObjectMapper mapper;
    private final Connections connections;
    /** This client's requests: refused after close, cancelled by close. */
    private final Lifecycle lifecycle = new Lifecycle("this FirmafonClient");

    private final Requests requests;
    /** The Reactor Netty client as configured (headers, timeouts, proxy, TLS, compression), for WebSockets. */
    private final HttpClient configured;

    private final Exchange pipeline;
    /** The pipeline below auth and retry, which an {@link OAuth2Client} from {@link #oauth2Client()} sends on. */
    private final Exchange tokenExchange;

    private final JsonReaders readers;

    private FirmafonClient(ClientSettings settings, Connections connections) {
        this.settings = settings;
        this.connections = connections;
        this.mapper = settings.objectMapper().orElseGet(Json::newObjectMapper);
        this.requests = new Requests(settings.baseUri(), mapper, transport().allowInsecureHttp());
        TransportSettings transport = transport();
        NetworkSettings network = transport.network();
        String userAgent = Network.userAgent(network, SdkVersion.USER_AGENT);
        HttpClient configured = connections
                .http()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Timeouts.connectMillis(transport.connectTimeout()))
                .followRedirect(false)
                .headers(headers -> headers.set(HttpHeaderNames.ACCEPT, "application/json")
                        .set(HttpHeaderNames.USER_AGENT, userAgent));
        // proxy, TLS (the handshake counts against connectTimeout; a client passed in keeps its own TLS settings
        // unless the network settings set some), compression
        configured = Network.configure(configured, network, settings.baseUri().getScheme(), transport.connectTimeout());
        this.configured = configured;
        NettyExchange exchange = new NettyExchange(
                configured,
                transport.connectTimeout(),
                transport.responseTimeout(),
                settings.pool().acquireTimeout(),
                transport.attemptTimeout());
        RetryPolicy retry = transport.retryPolicy();
        this.tokenExchange = Pipeline.unauthenticated(exchange, settings.listener());
        this.pipeline = Pipeline.create(exchange, settings.listener(), settings.observer(), auth(), retry);
        this.readers = new JsonReaders(mapper, settings.maxResponseSize(), retry.clock());
    }

    private TransportSettings transport() {
        return settings.transport();
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
        return Json.newObjectMapper();
    }

    /**
     * A builder initialised from this client; the built client shares this one's connection pool (unless a pool
     * setting is changed on the builder) and does not close it. Closing this client closes the shared pool.
     */
    public Builder mutate() {
        return new Builder(settings, connections.sharedWith(lifecycle));
    }

    /**
     * A builder for the application's {@link OAuth2Client} whose token requests go through this client's own
     * pipeline: its connection pool and network settings (proxy, TLS, {@code User-Agent}), response timeout, DEBUG
     * logging (redacted) and {@link ExchangeListener}, with its retry policy and plain-http rule, and its base URI
     * (so the token endpoint is {@code <baseUri>/token}). The API credential is never sent to the token endpoint.
     * Set the client id, secret and redirect URI and build. Closing this client (or the one whose pool it shares)
     * ends that OAuth client's token requests as well.
     */
    public OAuth2Client.Builder oauth2Client() {
        return SharedConnections.share(
                OAuth2Client.builder().baseUri(settings.baseUri()),
                transport(),
                oauthTransport -> new PipelineTokenTransport(tokenExchange, this::guard, oauthTransport));
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
        return settings.baseUri();
    }

    /** How requests are authenticated. */
    public AuthStrategy auth() {
        return settings.auth().orElseThrow();
    }

    /** The listener every attempt is reported to ({@link ExchangeListener#NONE} unless one was set). */
    public ExchangeListener exchangeListener() {
        return settings.listener();
    }

    /** When and how failed requests are repeated. */
    public RetryPolicy retryPolicy() {
        return transport().retryPolicy();
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
        if (lifecycle.close(connections::disposeOwnedPool)) {
            connections.disposeOwnedLoops();
        }
    }

    /**
     * Shuts down gracefully: refuses new requests at once (they fail with a
     * {@link dk.firmafon.error.FirmafonClosedException} and are not sent), lets the requests already subscribed run
     * to their end for up to {@code timeout}, then does what {@link #close()} does with whatever still runs. The
     * returned {@code Mono} completes when the client is closed (after at most {@code timeout}); it never fails.
     * Cold: nothing happens before subscription. A service calls it from its shutdown hook, for example
     * {@code client.closeGracefully(Duration.ofSeconds(10)).block(Duration.ofSeconds(11))} in a Spring bean's
     * destroy method (not on an event-loop thread). A null or negative {@code timeout} fails the returned
     * {@code Mono} with an {@link IllegalArgumentException} and closes nothing.
     */
    public Mono<Void> closeGracefully(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            return Mono.error(new IllegalArgumentException("timeout must be zero or positive, was " + timeout));
        }
        return lifecycle.closeGracefully(timeout, connections::disposeOwnedPool, connections::disposeOwnedLoops);
    }

    /**
     * Completes as soon as this client begins to shut down: {@link #close()}, or the start of
     * {@link #closeGracefully(Duration)} (when it stops taking new requests), or the same for the client whose
     * connection pool this one shares; at once when that has happened already. Never fails. Streams that never end by
     * themselves (live events, polling) end on it, so a graceful close does not wait for them; an application's own
     * long-lived work may do the same.
     */
    public Mono<Void> onShutdown() {
        Lifecycle poolOwner = connections.owner();
        return poolOwner == null
                ? lifecycle.onShutdown()
                : Mono.firstWithSignal(lifecycle.onShutdown(), poolOwner.onShutdown());
    }

    private <R> Flux<R> send(ApiRequest request, boolean binary, dk.firmafon.core.internal.ResponseReader<R> reader) {
        if (request == null) {
            return Flux.error(new IllegalArgumentException("request must not be null"));
        }
        Attempt call;
        try {
            call = requests.call(request, binary);
        } catch (IllegalArgumentException e) {
            return Flux.error(e);
        }
        Flux<R> exchange = pipeline.exchange(call, reader);
        Duration overall = settings.overallTimeout().orElse(null);
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
        return guard(exchange);
    }

    /** {@code exchange} under this client's lifecycle (and that of the client whose pool it shares). */
    private <R> Flux<R> guard(Flux<R> exchange) {
        Flux<R> guarded = lifecycle.guard(exchange);
        Lifecycle poolOwner = connections.owner();
        return poolOwner == null ? guarded : poolOwner.guardShared(guarded);
    }

    /**
     * Builds a {@link FirmafonClient}. Setters throw {@link IllegalArgumentException} naming a bad argument;
     * {@link #build()} requires {@link #auth(AuthStrategy)}.
     */
    public static final class Builder {
        /** Everything set so far: replaced, never changed, by each setter, so a copy is this reference. */
        private ClientSettings settings;
        /** The connections of the client this builder was mutated from, shared while the pool settings agree. */
        private final @Nullable Connections shared;

        private Builder() {
            this(ClientSettings.defaults(), null);
        }

        private Builder(ClientSettings settings, @Nullable Connections shared) {
            this.settings = settings;
            this.shared = shared;
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
            settings = settings.withBaseUri(baseUri);
            return this;
        }

        /** How requests are authenticated. Required. */
        public Builder auth(AuthStrategy auth) {
            if (auth == null) {
                throw new IllegalArgumentException("auth must not be null");
            }
            settings = settings.withAuth(auth);
            return this;
        }

        /**
         * No identity of its own, for an application that acts for many users: every call goes through
         * {@code client.withAuth(oauth.forUser(userKey))} (one pool for all of them), and a call made on this client
         * itself fails with an {@link IllegalStateException} saying so, before anything is sent. Replaces
         * {@link #auth(AuthStrategy)}.
         */
        public Builder noDefaultUser() {
            settings = settings.withAuth(NO_DEFAULT_USER);
            return this;
        }

        /**
         * Time to establish a TCP connection, and again to complete its TLS handshake; default 10 s (more than a
         * year counts as a year). A handshake that stalls fails with kind {@code TLS_HANDSHAKE_TIMEOUT} (retried like
         * a connect timeout: nothing was sent); an untrusted certificate fails at once with a
         * {@link dk.firmafon.error.FirmafonTlsException}, never retried.
         */
        public Builder connectTimeout(Duration connectTimeout) {
            settings = settings.withTransport(
                    settings.transport().withConnectTimeout(positive("connectTimeout", connectTimeout)));
            return this;
        }

        /**
         * Time from sending a request to its response (and between body chunks); default 30 s (more than a year
         * counts as a year).
         */
        public Builder responseTimeout(Duration responseTimeout) {
            settings = settings.withTransport(
                    settings.transport().withResponseTimeout(positive("responseTimeout", responseTimeout)));
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
            settings = settings.withTransport(
                    settings.transport().withAttemptTimeout(positive("attemptTimeout", attemptTimeout)));
            return this;
        }

        /**
         * An optional deadline for a whole request: every attempt and every wait between them; none by default.
         * Past it the request fails with a {@link dk.firmafon.error.FirmafonIoException} of kind
         * {@code OVERALL_TIMEOUT} (its {@code requestMayHaveBeenSent()} tells whether any attempt was written).
         * A download's deadline ends when its first bytes arrive.
         */
        public Builder overallTimeout(Duration overallTimeout) {
            settings = settings.withOverallTimeout(positive("overallTimeout", overallTimeout));
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
            settings = settings.withTransport(settings.transport().withNetwork(network));
            return this;
        }

        /** Time to wait for a free pooled connection when all {@code maxConnections} are busy; default 45 s. */
        public Builder poolAcquireTimeout(Duration poolAcquireTimeout) {
            settings = settings.withPool(
                    settings.pool().withAcquireTimeout(positive("poolAcquireTimeout", poolAcquireTimeout)));
            return this;
        }

        /** Most connections open at once; default 100. */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
            }
            settings = settings.withPool(settings.pool().withMaxConnections(maxConnections));
            return this;
        }

        /** How long a pooled connection may stay idle before it is closed; default 30 s. */
        public Builder maxIdleTime(Duration maxIdleTime) {
            settings = settings.withPool(settings.pool().withMaxIdleTime(positive("maxIdleTime", maxIdleTime)));
            return this;
        }

        /** How long a pooled connection may live at all; default 5 minutes. */
        public Builder maxLifeTime(Duration maxLifeTime) {
            settings = settings.withPool(settings.pool().withMaxLifeTime(positive("maxLifeTime", maxLifeTime)));
            return this;
        }

        /** When and how failed requests are repeated; default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            if (retryPolicy == null) {
                throw new IllegalArgumentException("retryPolicy must not be null");
            }
            settings = settings.withTransport(settings.transport().withRetryPolicy(retryPolicy));
            return this;
        }

        /** The mapper for bodies; default {@link #newObjectMapper()}. It must keep that configuration's choices. */
        public Builder objectMapper(ObjectMapper objectMapper) {
            if (objectMapper == null) {
                throw new IllegalArgumentException("objectMapper must not be null");
            }
            settings = settings.withObjectMapper(objectMapper);
            return this;
        }

        /** Largest JSON response body read, in bytes; default 16 MiB. Downloads are streamed and not limited. */
        public Builder maxResponseSize(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseSize must be at least 1 byte, was " + bytes);
            }
            settings = settings.withMaxResponseSize(bytes);
            return this;
        }

        /** Hears about every attempt (for metrics); default {@link ExchangeListener#NONE}. */
        public Builder exchangeListener(ExchangeListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("exchangeListener must not be null");
            }
            settings = settings.withListener(listener);
            return this;
        }

        /**
         * Observes every API call as a whole (traces and metrics; {@code firmafon-micrometer} has one for Micrometer);
         * default {@link RequestObserver#NONE}, which costs nothing.
         */
        public Builder requestObserver(RequestObserver observer) {
            if (observer == null) {
                throw new IllegalArgumentException("requestObserver must not be null");
            }
            settings = settings.withObserver(observer);
            return this;
        }

        /**
         * Allows sending credentials over plain {@code http://} to a host that is not loopback. Off by default:
         * only for a trusted network or proxy, never over the internet.
         */
        public Builder allowInsecureHttp(boolean allowInsecureHttp) {
            settings = settings.withTransport(settings.transport().withAllowInsecureHttp(allowInsecureHttp));
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
            settings = settings.withHttpClient(httpClient);
            return this;
        }

        /**
         * @throws IllegalArgumentException when no auth strategy was set, or the base URI is plain http to a host
         *     that is not loopback and {@link #allowInsecureHttp(boolean)} was not set
         */
        public FirmafonClient build() {
            ClientSettings frozen = settings;
            if (frozen.auth().isEmpty()) {
                throw new IllegalArgumentException("auth must be set: AuthStrategy.bearer(token), "
                        + "AuthStrategy.basic(token) or an OAuth2Auth");
            }
            String refusal =
                    Hosts.plainHttpRefusal(frozen.baseUri(), frozen.transport().allowInsecureHttp());
            if (refusal != null) {
                throw new IllegalArgumentException("baseUri: " + refusal);
            }
            return new FirmafonClient(frozen, Connections.forSettings(frozen, shared));
        }

        private static Duration positive(String name, Duration value) {
            return dk.firmafon.foundation.internal.Checks.positive(name, value);
        }
    }
}
