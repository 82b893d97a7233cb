package dk.firmafon.testsupport;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import io.netty.util.ResourceLeakTracker;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netty leak detection at PARANOID with detectors that record every leak report, so a test class that leaks a
 * buffer fails. Installed before any Netty buffer class is initialised (the launcher session listener does it
 * first thing); {@link #flush()} makes pending reports appear by collecting garbage and polling every detector.
 */
public final class LeakGuard {
    private static final int GC_ROUNDS = 2;
    private static final long ENQUEUE_WAIT_MILLIS = 250;

    private static final List<RecordingDetector<?>> DETECTORS = new CopyOnWriteArrayList<>();
    private static final ConcurrentLinkedQueue<String> REPORTS = new ConcurrentLinkedQueue<>();
    private static boolean installed;

    private LeakGuard() {}

    /**
     * Installs the recording detector factory and initialises Netty's buffers with it.
     *
     * @throws IllegalStateException if Netty's buffers were initialised before, with another detector
     */
    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
        try {
            Class.forName("io.netty.buffer.AbstractByteBuf", true, LeakGuard.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return; // no Netty buffers in this test JVM
        }
        if (DETECTORS.stream().noneMatch(d -> d.resourceType.equals("ByteBuf"))) {
            throw new IllegalStateException("Netty's ByteBuf leak detector was created before the leak guard was "
                    + "installed: buffer leaks would go unnoticed");
        }
    }

    /**
     * Collects garbage (bounded: {@value #GC_ROUNDS} rounds, each waiting at most {@value #ENQUEUE_WAIT_MILLIS} ms
     * for the collected references to be enqueued) and polls every detector, so leaks of buffers that are no
     * longer reachable are reported now.
     */
    public static void flush() {
        if (DETECTORS.isEmpty()) {
            return;
        }
        for (int round = 0; round < GC_ROUNDS; round++) {
            ReferenceQueue<Object> queue = new ReferenceQueue<>();
            WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
            System.gc();
            try {
                queue.remove(ENQUEUE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sentinel.clear();
            for (RecordingDetector<?> detector : DETECTORS) {
                detector.poll();
            }
        }
    }

    /** The leak reports since the last call (Netty's records: where the resource was created and touched). */
    public static List<String> takeReports() {
        List<String> reports = new ArrayList<>();
        String report;
        while ((report = REPORTS.poll()) != null) {
            reports.add(report);
        }
        return reports;
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
            RecordingDetector<T> detector = new RecordingDetector<>(resource, samplingInterval);
            DETECTORS.add(detector);
            return detector;
        }

        @Override
        @Deprecated
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
                Class<T> resource, int samplingInterval, long maxActive) {
            return newResourceLeakDetector(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        private final String resourceType;

        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
            this.resourceType = resource.getSimpleName();
        }

        /** Tracking a throwaway object makes the detector report what the garbage collector has enqueued. */
        @SuppressWarnings("unchecked")
        void poll() {
            T probe = (T) new Object();
            ResourceLeakTracker<T> tracker = track(probe);
            if (tracker != null) {
                tracker.close(probe);
            }
        }

        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            REPORTS.add(
                    "LEAK: " + resourceType + ".release() was not called before it was garbage-collected." + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            REPORTS.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected "
                    + "(no record of where it was created).");
            super.reportUntracedLeak(resourceType);
        }
    }
}
