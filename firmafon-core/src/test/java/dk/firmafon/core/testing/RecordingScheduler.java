package dk.firmafon.core.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A scheduler for retry tests: records every delay it is asked to wait, then runs the task at once (on a fresh
 * thread, after an optional hook) so tests check the waits without spending them.
 */
public final class RecordingScheduler implements Scheduler {
    private final List<Duration> delays = new CopyOnWriteArrayList<>();
    private final Runnable beforeRun;

    public RecordingScheduler() {
        this(() -> {});
    }

    /** {@code beforeRun} runs (on a fresh thread, so it may block) before each delayed task. */
    public RecordingScheduler(Runnable beforeRun) {
        this.beforeRun = beforeRun;
    }

    /** The delays asked for, in order. */
    public List<Duration> delays() {
        return List.copyOf(delays);
    }

    @Override
    public Disposable schedule(Runnable task) {
        return Schedulers.parallel().schedule(task);
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        delays.add(Duration.ofNanos(unit.toNanos(delay)));
        Thread thread = new Thread(
                () -> {
                    beforeRun.run();
                    task.run();
                },
                "recording-scheduler");
        thread.start();
        return () -> {};
    }

    @Override
    public Worker createWorker() {
        return Schedulers.parallel().createWorker();
    }
}
