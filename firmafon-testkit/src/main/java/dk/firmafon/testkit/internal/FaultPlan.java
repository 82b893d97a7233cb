package dk.firmafon.testkit.internal;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Faults planned by a test: delays (until cleared) and misbehaviours for the next N requests that match a method and
 * path, after which the fake behaves normally again. Thread-safe: each matching request takes one of the N.
 */
public final class FaultPlan {

    /** What to do instead of answering: a reply (429, 5xx) or a broken connection. */
    public record Misbehaviour(@Nullable Reply reply, @Nullable Fault fault) {}

    private record Rule(String method, String path, AtomicInteger remaining, Misbehaviour misbehaviour) {}

    private record Delay(String method, String path, Duration delay) {}

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Delay> delays = new CopyOnWriteArrayList<>();
    private final List<Delay> slowBodies = new CopyOnWriteArrayList<>();

    public void delay(String method, String path, Duration delay) {
        delays.add(new Delay(method, path, delay));
    }

    public void slowBody(String method, String path, Duration duration) {
        slowBodies.add(new Delay(method, path, duration));
    }

    public void add(String method, String path, int times, Misbehaviour misbehaviour) {
        rules.add(new Rule(method, path, new AtomicInteger(times), misbehaviour));
    }

    public void clear() {
        rules.clear();
        delays.clear();
        slowBodies.clear();
    }

    /** The longest delay planned for this request, zero when none. */
    Duration delayFor(String method, String path) {
        return longest(delays, method, path);
    }

    /** The longest time planned for sending this request's body, zero when none. */
    Duration slowBodyFor(String method, String path) {
        return longest(slowBodies, method, path);
    }

    private static Duration longest(List<Delay> planned, String method, String path) {
        return planned.stream()
                .filter(d -> ApiPath.matches(d.method(), d.path(), method, path))
                .map(Delay::delay)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    /** Takes one use of the first planned misbehaviour that matches this request, if any is left. */
    Optional<Misbehaviour> take(String method, String path) {
        for (Rule rule : rules) {
            if (ApiPath.matches(rule.method(), rule.path(), method, path)
                    && rule.remaining().getAndDecrement() > 0) {
                return Optional.of(rule.misbehaviour());
            }
        }
        rules.removeIf(rule -> rule.remaining().get() <= 0);
        return Optional.empty();
    }
}
