package dk.firmafon.benchmarks.internal;

/** One workload at one concurrency. */
public record Scenario(Workload workload, int concurrency) {
    public String label() {
        return workload.label() + ", concurrency " + concurrency;
    }
}
