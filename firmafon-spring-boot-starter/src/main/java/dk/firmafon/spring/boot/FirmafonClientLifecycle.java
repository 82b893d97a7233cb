package dk.firmafon.spring.boot;

import dk.firmafon.core.FirmafonClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Shuts the starter's {@link FirmafonClient} down in its own lifecycle phase, {@link #PHASE}: after the web server's
 * graceful shutdown (phase {@code DEFAULT_PHASE - 1024}, so the web requests it drains can still call Firmafon) and
 * before the web server stops ({@code DEFAULT_PHASE - 2048}) and before any bean is destroyed (Spring's
 * {@code ReactorResourceFactory} disposes Reactor Netty's global resources then; the SDK's own pool runs on event
 * loops of its own anyway). It starts no new request, lets the running ones finish for up to
 * {@code firmafon.shutdown-grace}, then closes; live-event streams end at once. The stop is asynchronous: Spring waits
 * for it up to {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s unless set), so a longer grace is cut there.
 */
final class FirmafonClientLifecycle implements SmartLifecycle {
    /** Between the web server's graceful shutdown and its stop. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

    private static final Logger LOG = LoggerFactory.getLogger(FirmafonClientLifecycle.class);

    private final FirmafonClient client;
    private final Duration grace;
    private volatile boolean running;

    FirmafonClientLifecycle(FirmafonClient client, Duration grace) {
        this.client = client;
        this.grace = grace;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        // only when a caller asks for a synchronous stop; bounded by the grace and a second more
        client.closeGracefully(grace).block(grace.plusSeconds(1));
        running = false;
    }

    @Override
    public void stop(Runnable callback) {
        LOG.debug("draining the FirmafonClient for up to {} ms", grace.toMillis());
        client.closeGracefully(grace)
                .doFinally(signal -> running = false)
                .subscribe(
                        done -> {},
                        error -> {
                            client.close();
                            callback.run();
                        },
                        callback);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
