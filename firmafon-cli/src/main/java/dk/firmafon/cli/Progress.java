package dk.firmafon.cli;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on standard error for long work, drawn by the progressbar library: a count for listings, bytes and rate
 * (and time left, when the size is known) for downloads. The CLI creates one only on a terminal and in table output
 * ({@link CliContext#progress()}): never in {@code --json}, CSV or piped output.
 */
final class Progress {
    private final PrintStream err;

    Progress(PrintStream err) {
        this.err = err;
    }

    /** Counts items (a listing). */
    Counter counter(String task) {
        ProgressBar bar = builder(task).setUnit(" items", 1).build();
        return new Counter() {
            @Override
            public void step() {
                bar.step();
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** Counts bytes toward {@code total} ({@code -1}: unknown, then no time left is shown). */
    Counter bytes(String task, long total) {
        ProgressBar bar = builder(task)
                .setInitialMax(total)
                .setUnit(" KiB", 1024)
                .showSpeed()
                .build();
        return new Counter() {
            @Override
            public void step(long by) {
                bar.stepBy(by);
            }

            @Override
            public void size(long total) {
                if (total >= 0) {
                    bar.maxHint(total);
                }
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    private ProgressBarBuilder builder(String task) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(100)
                .setMaxRenderedLength(100)
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                .setEtaFunction(state -> state.getMax() > 0 && state.getCurrent() > 0
                        ? java.util.Optional.of(Duration.ofMillis(
                                (long) (state.getElapsedAfterStart().toMillis()
                                        * ((double) (state.getMax() - state.getCurrent()) / state.getCurrent()))))
                        : java.util.Optional.empty())
                .setConsumer(new ConsoleProgressBarConsumer(err));
    }

    /** One running progress display. */
    interface Counter extends AutoCloseable {
        /** Shows nothing. */
        Counter NONE = new Counter() {};

        default void step() {
            step(1);
        }

        default void step(long by) {}

        /** The total, once known (a download's declared length); {@code -1}: unknown. */
        default void size(long total) {}

        @Override
        default void close() {}
    }
}
