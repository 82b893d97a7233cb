package dk.firmafon.benchmarks.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.benchmarks.internal.SuiteResult.DecodeResult;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The whole comparison: throughput, latency and allocation of the four contenders (warmed up alike, then measured
 * in interleaved rounds A B C D A B C D so drift hits all alike), the pager in a 64 MB heap, the OAuth stampede and
 * the JMH decoding benchmarks.
 */
public final class Suite {
    private static final int JIT_WARM_UP_CONCURRENCY = 16;
    private final Settings settings;
    private final PrintStream log;

    public Suite(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    public SuiteResult run() throws IOException, InterruptedException, RunnerException {
        long start = System.nanoTime();
        Machine machine = Machine.current();
        try (CallsServer server = new CallsServer(settings.pagerCalls())) {
            ObjectMapper mapper = Envelopes.mapper();
            List<Contender> contenders = List.of(
                    new SdkContender(server.baseUri()),
                    new RawNettyContender(server.baseUri(), mapper),
                    new WebClientContender(server.baseUri(), mapper),
                    new JdkClientContender(server.baseUri(), mapper));
            try {
                Map<Scenario, Map<String, Measurement>> throughput = throughput(contenders);
                log.println("pager: streaming " + settings.pagerCalls() + " calls with -Xmx" + PagerHeapCheck.HEAP);
                PagerHeapCheck.Result pager =
                        PagerHeapCheck.run(server.baseUri(), settings.pagerCalls(), Duration.ofMinutes(10));
                log.println("auth: " + settings.authSubscribers() + " concurrent subscribers");
                AuthStampede.Result auth = AuthStampede.run(server, settings.authSubscribers());
                log.println("JMH: decoding a page of 100 calls");
                List<DecodeResult> decoding = decoding();
                return new SuiteResult(
                        settings,
                        machine,
                        contenders.stream().map(Contender::name).toList(),
                        throughput,
                        pager,
                        auth,
                        decoding,
                        Machine.loadAverageNow(),
                        (System.nanoTime() - start) / 1e9);
            } finally {
                contenders.forEach(Contender::close);
            }
        }
    }

    private Map<Scenario, Map<String, Measurement>> throughput(List<Contender> contenders) {
        List<Scenario> scenarios = new ArrayList<>();
        for (Workload workload : Workload.values()) {
            for (int concurrency : settings.concurrencies()) {
                scenarios.add(new Scenario(workload, concurrency));
            }
        }
        Map<Scenario, Map<String, Measurement>> results = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            Map<String, Measurement> byContender = new LinkedHashMap<>();
            for (Contender contender : contenders) {
                byContender.put(contender.name(), new Measurement());
            }
            results.put(scenario, byContender);
        }
        log.println("JIT warm-up: " + settings.jitWarmUp().toMillis() + " ms per contender and workload");
        for (Workload workload : Workload.values()) {
            for (Contender contender : contenders) {
                LoadDriver.warmUp(workload.work(), contender, JIT_WARM_UP_CONCURRENCY, settings.jitWarmUp());
            }
        }
        log.println("warm-up: " + settings.warmUp().toMillis() + " ms per contender and scenario");
        for (Scenario scenario : scenarios) {
            for (Contender contender : contenders) {
                LoadDriver.warmUp(scenario.workload().work(), contender, scenario.concurrency(), settings.warmUp());
            }
        }
        for (int round = 1; round <= settings.rounds(); round++) {
            log.println("round " + round + " of " + settings.rounds());
            for (Scenario scenario : scenarios) {
                for (Contender contender : contenders) {
                    LoadDriver.run(
                            scenario.workload().work(),
                            contender,
                            scenario.concurrency(),
                            settings.measure(),
                            results.get(scenario).get(contender.name()));
                }
            }
        }
        return results;
    }

    private List<DecodeResult> decoding() throws IOException, RunnerException {
        int[] sizes = DecodeBenchmark.check();
        if (sizes[0] != CallsServer.PAGE_SIZE || sizes[1] != CallsServer.PAGE_SIZE) {
            throw new IllegalStateException("a decode path did not read the whole page: " + sizes[0] + ", " + sizes[1]);
        }
        TimeValue time = TimeValue.milliseconds(settings.jmhIterationTime().toMillis());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(DecodeBenchmark.class.getName())
                .forks(settings.jmhForks())
                .warmupIterations(settings.jmhIterations())
                .warmupTime(time)
                .measurementIterations(settings.jmhIterations())
                .measurementTime(time)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        if (settings.jmhForks() > 0) {
            options.jvmArgsAppend("-Xmx1g");
        }
        Collection<RunResult> runs = new Runner(options.build()).run();
        List<DecodeResult> results = new ArrayList<>();
        for (RunResult run : runs) {
            String benchmark = run.getParams().getBenchmark();
            Result<?> primary = run.getPrimaryResult();
            Result<?> allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
            results.add(new DecodeResult(
                    benchmark.substring(benchmark.lastIndexOf('.') + 1),
                    primary.getScore(),
                    primary.getScoreError(),
                    allocation == null ? Double.NaN : allocation.getScore()));
        }
        return results;
    }
}
