package dk.firmafon.benchmarks.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dk.firmafon.benchmarks.internal.Envelopes.CallsEnvelope;
import dk.firmafon.calls.model.Call;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A page of 100 calls (as the loopback server sends it) decoded into {@code Call} models: the SDK's decode path
 * against plain Jackson {@code readValue} of an envelope record. Both read from an {@code InputStream}, as both do
 * over the wire.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBenchmark {
    private byte[] page = new byte[0];
    private ObjectReader envelopeReader = Envelopes.mapper().readerFor(CallsEnvelope.class);
    private SdkDecoding sdk = new SdkDecoding(Envelopes.mapper());

    @Setup
    public void setUp() {
        page = new CallHistory(CallsServer.PAGE_SIZE).page(0, CallsServer.PAGE_SIZE);
        ObjectMapper mapper = SdkDecoding.sdkMapper();
        envelopeReader = mapper.readerFor(CallsEnvelope.class);
        sdk = new SdkDecoding(mapper);
    }

    @Benchmark
    public List<Call> jacksonEnvelope() throws IOException {
        CallsEnvelope envelope = envelopeReader.readValue(new ByteArrayInputStream(page));
        return envelope.calls();
    }

    @Benchmark
    public List<Call> sdkDecodePath() throws IOException {
        return sdk.calls(new ByteArrayInputStream(page));
    }

    /** Returns a sanity count so the runner can check both paths decode the whole page. */
    public static int[] check() throws IOException {
        DecodeBenchmark benchmark = new DecodeBenchmark();
        benchmark.setUp();
        return new int[] {
            benchmark.jacksonEnvelope().size(), benchmark.sdkDecodePath().size()
        };
    }
}
