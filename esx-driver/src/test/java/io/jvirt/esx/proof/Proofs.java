package io.jvirt.esx.proof;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Settings and measurements shared by the load, leak and soak proofs. The CI run uses the
 * defaults; the long variant ({@code mvn -B verify -Pproof -pl esx-driver -am -Dtest='*ProofTest'},
 * see README) raises them through the surefire properties {@code jvirt.proof.seconds} and
 * {@code jvirt.proof.cycles}.
 */
final class Proofs {
    private Proofs() {
    }

    /** How long the load and soak proofs run (CI: 15 s). */
    static Duration runTime() {
        return Duration.ofSeconds(Long.getLong("jvirt.proof.seconds", 15));
    }

    /** Open/close cycles of the leak proof (CI: 200, long variant: 1000). */
    static int cycles() {
        return Integer.getInteger("jvirt.proof.cycles", 200);
    }

    /** Heap in use after full collections, in bytes. */
    static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /** One line of figures on stdout (the surefire report keeps it), for README. */
    static void report(String proof, String figures) {
        System.out.println("[proof] " + proof + ": " + figures);
    }

    /**
     * Stops the driver's DEBUG logging (SOAP traces included) until closed. Every esx-driver test
     * runs under {@code SecretLeakGuard}, which turns that logging on and keeps all of it in memory
     * to search it for passwords; in a heap measurement that growing text would hide what the
     * driver itself keeps. (The traced paths are searched for passwords by the other tests.)
     */
    static AutoCloseable quietDriverLogs() {
        java.util.logging.Logger driver = java.util.logging.Logger.getLogger("io.jvirt");
        java.util.logging.Level before = driver.getLevel();
        driver.setLevel(java.util.logging.Level.INFO);
        return () -> driver.setLevel(before);
    }
}
