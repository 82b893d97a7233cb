package dk.firmafon.reliability;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records Netty's buffer-leak reports (the surefire JVM runs with {@code -Dio.netty.leakDetection.level=paranoid}, so
 * every buffer is tracked). A leak is reported only once its buffer was garbage collected and a later allocation
 * noticed it: {@link #leaksAfterCollecting()} provokes both.
 */
final class LeakRecorder {
    private final List<String> leaks = new CopyOnWriteArrayList<>();

    private LeakRecorder() {
    }

    /** Starts recording (replacing any earlier recorder). */
    static LeakRecorder install() {
        LeakRecorder recorder = new LeakRecorder();
        ByteBufUtil.setLeakListener((resourceType, records) -> recorder.leaks.add(resourceType + ": " + records));
        return recorder;
    }

    /** Collects garbage and allocates, so that any buffer leaked so far is reported, then answers the reports. */
    List<String> leaksAfterCollecting() {
        if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
            throw new IllegalStateException("leak detection runs at " + ResourceLeakDetector.getLevel()
                    + ", not PARANOID: run with -Dio.netty.leakDetection.level=paranoid");
        }
        for (int round = 0; round < 3; round++) {
            System.gc();
            for (int i = 0; i < 256; i++) {
                ByteBufAllocator.DEFAULT.directBuffer(64).release();
                ByteBufAllocator.DEFAULT.heapBuffer(64).release();
            }
        }
        return List.copyOf(leaks);
    }
}
