package dk.firmafon.benchmarks.internal;

import java.lang.management.ManagementFactory;

/** What the run ran on. */
public record Machine(int processors, long memoryBytes, String jdk, String os, double loadAverage) {

    public static Machine current() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                memory,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                os.getSystemLoadAverage());
    }

    public static double loadAverageNow() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
