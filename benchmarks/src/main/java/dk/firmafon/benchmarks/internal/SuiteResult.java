package dk.firmafon.benchmarks.internal;

import java.util.List;
import java.util.Map;

/** Everything one run measured. */
public record SuiteResult(
        Settings settings,
        Machine machine,
        List<String> contenders,
        Map<Scenario, Map<String, Measurement>> throughput,
        PagerHeapCheck.Result pager,
        AuthStampede.Result auth,
        List<DecodeResult> decoding,
        double loadAverageAtEnd,
        double seconds) {

    /** One JMH benchmark: average time and bytes allocated per decoded page. */
    public record DecodeResult(String benchmark, double microsPerPage, double errorMicros, double bytesPerPage) {}
}
