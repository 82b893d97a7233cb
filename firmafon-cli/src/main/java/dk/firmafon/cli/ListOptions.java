package dk.firmafon.cli;

import picocli.CommandLine.Option;

/** The options every listing has. */
final class ListOptions {
    @Option(
            names = "--max",
            paramLabel = "N",
            defaultValue = "0",
            description = "Stop after N items (default: all; rows print as pages arrive).")
    long max;

    long max() {
        if (max < 0) {
            throw new IllegalArgumentException("--max must not be negative, was " + max);
        }
        return max;
    }
}
