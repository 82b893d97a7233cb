package dk.firmafon.reliability;

import dk.firmafon.core.netty.NettyHttpClient;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

/**
 * A Reactor Netty connection pool whose gauges a test can read, handed to the SDK through its escape hatch
 * ({@link NettyHttpClient}): how many connections are acquired (lent to a request) right now, over every remote
 * address the pool has served. Its metrics come from {@link ConnectionProvider.MeterRegistrar}, no Micrometer needed.
 */
final class PoolProbe implements AutoCloseable {
    private final Map<String, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();
    private final ConnectionProvider provider;

    private PoolProbe(String name, UnaryOperator<ConnectionProvider.Builder> settings) {
        ConnectionProvider.MeterRegistrar registrar = new ConnectionProvider.MeterRegistrar() {
            @Override
            public void registerMetrics(
                    String poolName, String id, SocketAddress remoteAddress, ConnectionPoolMetrics metrics) {
                pools.put(id + '@' + remoteAddress, metrics);
            }
        };
        this.provider = settings.apply(ConnectionProvider.builder(name)
                        .maxConnections(50)
                        .pendingAcquireMaxCount(-1)
                        .pendingAcquireTimeout(Duration.ofSeconds(30))
                        .metrics(true, () -> registrar))
                .build();
    }

    /** A pool of 50 connections with an unbounded pending-acquire queue, as the SDK's own pool. */
    static PoolProbe create(String name) {
        return new PoolProbe(name, settings -> settings);
    }

    /** A pool configured further by {@code settings} (e.g. a small pending-acquire limit). */
    static PoolProbe create(String name, UnaryOperator<ConnectionProvider.Builder> settings) {
        return new PoolProbe(name, settings);
    }

    /** The SDK's escape hatch over this pool. */
    NettyHttpClient httpClient() {
        return NettyHttpClient.of(HttpClient.create(provider));
    }

    /** Connections lent to a request right now. */
    int acquired() {
        return sum(ConnectionPoolMetrics::acquiredSize);
    }

    /** Connections open right now (lent or idle). */
    int allocated() {
        return sum(ConnectionPoolMetrics::allocatedSize);
    }

    /** Requests waiting for a connection right now. */
    int pendingAcquires() {
        return sum(ConnectionPoolMetrics::pendingAcquireSize);
    }

    private int sum(ToIntFunction<ConnectionPoolMetrics> gauge) {
        return pools.values().stream().mapToInt(gauge).sum();
    }

    /**
     * Waits (polling, up to 10 s) until no connection is acquired: a connection goes back to the pool on the event
     * loop, a moment after the subscriber saw the end of its exchange.
     */
    void assertNoAcquiredConnection() {
        StepVerifier.create(Flux.interval(Duration.ZERO, Duration.ofMillis(10))
                        .map(tick -> acquired())
                        .takeUntil(acquired -> acquired == 0)
                        .last())
                .expectNext(0)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        provider.disposeLater().subscribe();
    }
}
