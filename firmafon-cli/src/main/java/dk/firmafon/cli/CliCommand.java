package dk.firmafon.cli;

import dk.firmafon.core.FirmafonClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Mono;

/**
 * Base of every command that does something: gives it the shared {@link CliContext}, the SDK client and an
 * {@link Output} bound to the command line's writer. Commands block on the CLI's main thread (never inside a
 * Reactor operator) and return an exit code.
 */
abstract class CliCommand implements Callable<Integer> {
    protected final CliContext context;

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    protected CliCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public final Integer call() {
        return run();
    }

    /** Does the command's work; returns the exit code. */
    protected abstract int run();

    protected FirmafonClient client() {
        return context.client();
    }

    protected Output output() {
        return new Output(
                out(),
                context.format(),
                context.fields(),
                () -> client().objectMapper(),
                context.progress() ? new Progress(System.err) : null);
    }

    /** Progress on standard error, when the CLI runs on a terminal in table output; else null. */
    protected @org.jspecify.annotations.Nullable Progress progress() {
        return context.progress() ? new Progress(System.err) : null;
    }

    /**
     * The bound of every wait of a command on the CLI's main thread (each request has the client's own timeouts too):
     * nothing the CLI does waits for ever, except {@code events} without {@code --max}, which runs until stopped.
     */
    protected static final java.time.Duration WAIT = java.time.Duration.ofMinutes(10);

    /** Waits on the CLI's main thread for the one value {@code mono} emits; an empty answer is an error. */
    protected static <T> T await(Mono<T> mono) {
        return mono.blockOptional(WAIT)
                .orElseThrow(() -> new IllegalStateException("the API answered without the expected value"));
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
