package dk.firmafon.net;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * When and how often a failed request is repeated: API calls ({@code FirmafonClient.Builder.retryPolicy}) and OAuth
 * token refreshes ({@code OAuth2Client.Builder.retryPolicy}) alike, by one set of rules. Immutable.
 *
 * <p>What is repeated is fixed by the SDK: requests that may be repeated safely (GET, PUT, DELETE, or one marked
 * idempotent with {@code ApiRequest.withIdempotent(true)}) after a connection reset or malformed response and
 * after 408, 429, 500, 502, 503, 504; any request, POST included, whose connection failed before anything was
 * written. A POST that may have reached the server is never repeated, nor is a request that timed out (response
 * timeout, pool-acquire timeout) or that the pool refused to queue. A token refresh is repeated like an idempotent
 * request (until a new token is stored the old refresh token stays usable), and also after any 5xx answer of the
 * token endpoint; an authorization-code exchange never is (a code is single-use). This policy says how often and
 * how long to wait: {@code initialBackoff * 2^(n-1)} capped at {@code maxBackoff}, reduced by a random share of up
 * to {@code jitter}; a longer {@code Retry-After} from the server is honoured up to {@code maxRetryAfter} (beyond
 * it, the error is delivered instead of waiting).
 *
 * <pre>{@code
 * RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(100)).build()
 * }</pre>
 *
 * <p>(Until 0.2 this class was {@code dk.firmafon.core.RetryPolicy}.)
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final Clock clock;
    private final Scheduler scheduler;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
        this.clock = b.clock;
        this.scheduler = b.scheduler;
    }

    /** 3 attempts, 200 ms initial and 5 s maximum backoff, jitter 0.5, {@code Retry-After} honoured up to 60 s. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt: nothing is ever repeated. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this policy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.jitter = jitter;
        b.maxRetryAfter = maxRetryAfter;
        b.clock = clock;
        b.scheduler = scheduler;
        return b;
    }

    /** Attempts in total, the first included (1 = no retry). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The wait before the first retry (before jitter). */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest wait between two attempts (before jitter). */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The share (0..1) of a backoff that may randomly be taken off it. */
    public double jitter() {
        return jitter;
    }

    /** The longest {@code Retry-After} that is waited for. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** The clock an HTTP-date {@code Retry-After} is measured against. */
    public Clock clock() {
        return clock;
    }

    /** Where the waits between attempts are scheduled. */
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p
                && p.maxAttempts == maxAttempts
                && p.initialBackoff.equals(initialBackoff)
                && p.maxBackoff.equals(maxBackoff)
                && p.jitter == jitter
                && p.maxRetryAfter.equals(maxRetryAfter)
                && p.clock.equals(clock)
                && p.scheduler.equals(scheduler);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff, jitter, maxRetryAfter, clock, scheduler);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter + "}";
    }

    /** Builds a {@link RetryPolicy}. Setters throw {@link IllegalArgumentException} naming a bad argument. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private double jitter = 0.5;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private Scheduler scheduler = Schedulers.parallel();

        private Builder() {}

        /** Attempts in total, at least 1. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The wait before the first retry, doubled for each further one; default 200 ms. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = notNegative("initialBackoff", initialBackoff);
            return this;
        }

        /** The cap on the doubling wait; default 5 s. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = notNegative("maxBackoff", maxBackoff);
            return this;
        }

        /** 0 (no jitter) to 1 (a wait anywhere between 0 and the backoff). */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /** The longest {@code Retry-After} waited for; a longer one delivers the error instead. Default 60 s. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = notNegative("maxRetryAfter", maxRetryAfter);
            return this;
        }

        /** For tests: the clock an HTTP-date {@code Retry-After} is measured against. */
        public Builder clock(Clock clock) {
            this.clock = dk.firmafon.foundation.internal.Checks.notNull("clock", clock);
            return this;
        }

        /** For tests (e.g. a virtual-time scheduler): where waits between attempts are scheduled. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = dk.firmafon.foundation.internal.Checks.notNull("scheduler", scheduler);
            return this;
        }

        /** The policy; {@code maxBackoff} must not be less than {@code initialBackoff}. */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be less than "
                        + "initialBackoff (" + initialBackoff + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration notNegative(String name, Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be zero or positive, was " + value);
            }
            return value;
        }
    }
}
