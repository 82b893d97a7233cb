package dk.firmafon.core.internal;

import dk.firmafon.core.internal.ClientSettings.PoolSettings;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Who owns the connections a {@code FirmafonClient} sends on: a pool and event loops it created (and disposes when it
 * closes), a Reactor Netty client the application passed in (never disposed by the SDK), or either of these shared
 * with the client it was mutated from, whose {@link Lifecycle} then also guards the sharer's requests.
 *
 * <p>The SDK's own pool runs on event loops of its own ({@code firmafon-nio-*} threads, created on first use), not
 * on Reactor Netty's global ones: a host that disposes the global resources when it shuts down (Spring's
 * {@code ReactorResourceFactory}, another library, a test) must not cut the SDK's requests while the SDK drains them.
 */
public final class Connections {
    private final HttpClient http;
    private final @Nullable ConnectionProvider owned;
    private final @Nullable LoopResources ownedLoops;
    private final @Nullable PoolSettings pool;
    private final @Nullable HttpClient given;
    private final @Nullable Lifecycle owner;

    private Connections(
            HttpClient http,
            @Nullable ConnectionProvider owned,
            @Nullable LoopResources ownedLoops,
            @Nullable PoolSettings pool,
            @Nullable HttpClient given,
            @Nullable Lifecycle owner) {
        this.http = http;
        this.owned = owned;
        this.ownedLoops = ownedLoops;
        this.pool = pool;
        this.given = given;
        this.owner = owner;
    }

    /** A new pool with {@code settings}, owned by the client being built. */
    public static Connections newPool(PoolSettings settings) {
        ConnectionProvider provider = ConnectionProvider.builder("firmafon")
                .maxConnections(settings.maxConnections())
                .pendingAcquireTimeout(settings.acquireTimeout())
                .pendingAcquireMaxCount(-1) // bounded by the acquire timeout, not by a queue length
                .maxIdleTime(settings.maxIdleTime())
                .maxLifeTime(settings.maxLifeTime())
                .evictInBackground(Duration.ofSeconds(30))
                .build();
        // daemon threads, created lazily by Reactor Netty when the first connection opens
        LoopResources loops = LoopResources.create("firmafon", LoopResources.DEFAULT_IO_WORKER_COUNT, true);
        return new Connections(HttpClient.create(provider).runOn(loops), provider, loops, settings, null, null);
    }

    /** The application's own client, never disposed by the SDK. */
    public static Connections given(HttpClient client) {
        return new Connections(client, null, null, null, client, null);
    }

    /** What {@code settings} call for: these connections when they serve them, else new ones. */
    public static Connections forSettings(ClientSettings settings, @Nullable Connections shared) {
        Optional<HttpClient> given = settings.httpClient().map(netty -> netty.httpClient());
        if (shared != null && shared.serves(settings.pool(), given.orElse(null))) {
            return shared;
        }
        return given.map(Connections::given).orElseGet(() -> newPool(settings.pool()));
    }

    /** These connections for a client mutated from the one whose lifecycle is {@code lifecycle}: not owned. */
    public Connections sharedWith(Lifecycle lifecycle) {
        return new Connections(http, null, null, pool, given, owner != null ? owner : lifecycle);
    }

    private boolean serves(PoolSettings settings, @Nullable HttpClient client) {
        return client != null ? client == given : given == null && settings.equals(pool);
    }

    /** The Reactor Netty client to configure and send on. */
    public HttpClient http() {
        return http;
    }

    /** The lifecycle of the client that owns these connections when they are shared, else {@code null}. */
    public @Nullable Lifecycle owner() {
        return owner;
    }

    /**
     * Disposes the pool when this client created it (every request still waiting for a connection fails at once);
     * anything else is left alone. Does not wait.
     */
    public void disposeOwnedPool() {
        if (owned != null) {
            owned.disposeLater().subscribe(null, e -> {});
        }
    }

    /**
     * Shuts down the event loops when this client created them, once the requests on them have been cancelled (the
     * cancellations are tasks on those loops: a loop shut down first would refuse them). Does not wait.
     */
    public void disposeOwnedLoops() {
        if (ownedLoops != null) {
            ownedLoops.disposeLater(LOOPS_QUIET_PERIOD, LOOPS_SHUTDOWN_TIMEOUT).subscribe(null, e -> {});
        }
    }

    /**
     * A loop of the SDK's ends once no task came for this long, or at the timeout: Netty's own defaults. The quiet
     * period lets what the cancellations left to do run on the loop (closing channels, releasing a response that was
     * still arriving); a loop ended sooner refused that work and leaked the buffers (seen once in the suite).
     */
    private static final Duration LOOPS_QUIET_PERIOD = Duration.ofSeconds(2);

    /** How long the SDK's own event loops may take to finish the tasks already queued on them when it closes. */
    private static final Duration LOOPS_SHUTDOWN_TIMEOUT = Duration.ofSeconds(15);
}
