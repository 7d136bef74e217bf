package io.jvirt.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * Measures thread CPU time per conversion (what one core delivers, independent of how many other
 * processes share the machine) as a cross-check of the JMH throughput on a loaded host.
 * {@code java -cp benchmarks/target/benchmarks.jar io.jvirt.benchmarks.CpuTimePerConversion}
 */
public final class CpuTimePerConversion {
    private CpuTimePerConversion() {
    }

    public static void main(String[] args) {
        VmxConversionBenchmark b = new VmxConversionBenchmark();
        b.setup();
        measure("vmxToXml", b::vmxToXml);
        measure("xmlToVmx", b::xmlToVmx);
    }

    private static void measure(String name, Supplier<String> op) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += op.get().length();
        }
        int n = 200_000;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += op.get().length();
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        System.out.printf("%s: %.1f us CPU/op = %.0f conversions/s per core (wall %.0f ops/s) [%d]%n", name,
                cpu / 1000.0 / n, n * 1e9 / cpu, n * 1e9 / wall, sink % 10);
    }
}
