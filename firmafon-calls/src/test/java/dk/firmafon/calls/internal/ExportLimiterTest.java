package dk.firmafon.calls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.HttpMethod;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** Additive increase, multiplicative decrease of the windows that fetch at once. */
class ExportLimiterTest {
    /** The bound of every wait in this test. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ExportLimiter limiter = new ExportLimiter(8, now::get);

    private void tooManyRequests() {
        limiter.onResponse(HttpMethod.GET, "/calls", "/calls", 429, 1, 0);
    }

    @Test
    void eachTooManyRequestsHalvesTheLimitDownToOne() {
        tooManyRequests();
        assertThat(limiter.limit()).isEqualTo(4);
        tooManyRequests();
        tooManyRequests();
        tooManyRequests();
        assertThat(limiter.limit()).isEqualTo(1);
        limiter.onResponse(HttpMethod.GET, "/calls", "/calls", 200, 1, 0);
        assertThat(limiter.limit()).isEqualTo(1);
    }

    @Test
    void theLimitRisesByOnePerWindowCompletedInCalmAndNeverAboveTheParallelism() {
        tooManyRequests();
        tooManyRequests(); // 2
        limiter.acquire().block(WAIT);
        limiter.release(); // within the calm period: stays
        assertThat(limiter.limit()).isEqualTo(2);
        now.addAndGet(ExportLimiter.CALM_MILLIS);
        for (int i = 0; i < 20; i++) {
            limiter.acquire().block(WAIT);
            limiter.release();
        }
        assertThat(limiter.limit()).isEqualTo(8);
        assertThat(limiter.lowest()).isEqualTo(2);
    }

    @Test
    void windowsBeyondTheLimitWaitForAReleaseAndACancelledWaitGivesUpItsPlace() {
        tooManyRequests();
        tooManyRequests();
        tooManyRequests(); // 1
        limiter.acquire().block(WAIT);
        boolean[] second = {false};
        boolean[] third = {false};
        Disposable cancelled = limiter.acquire().subscribe(ignored -> {}, e -> {}, () -> second[0] = true);
        limiter.acquire().subscribe(ignored -> {}, e -> {}, () -> third[0] = true);
        assertThat(second[0]).isFalse();
        cancelled.dispose();
        limiter.release();
        assertThat(second[0]).isFalse();
        assertThat(third[0]).isTrue();
    }
}
