package dk.firmafon.foundation.internal;

import java.time.Duration;

/**
 * Timeouts as Netty takes them. A timeout beyond a year is treated as a year (no timeout, in practice), so that no
 * conversion overflows: {@code Duration.toNanos()} fails past 292 years, and Netty's connect timeout is an
 * {@code int} of milliseconds (at most 24.8 days).
 */
public final class Timeouts {
    /** The longest timeout applied. */
    public static final Duration LONGEST = Duration.ofDays(365);

    private Timeouts() {}

    /** {@code timeout}, or {@link #LONGEST} when it is longer. */
    public static Duration capped(Duration timeout) {
        return timeout.compareTo(LONGEST) > 0 ? LONGEST : timeout;
    }

    /** {@code timeout} in milliseconds for {@code ChannelOption.CONNECT_TIMEOUT_MILLIS}, at most {@code Integer.MAX_VALUE}. */
    public static int connectMillis(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, capped(timeout).toMillis());
    }

    /** {@code "3 s"} for whole seconds, else {@code "1500 ms"}: how error messages name a timeout. */
    public static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
