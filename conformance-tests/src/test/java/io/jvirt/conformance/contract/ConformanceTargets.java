package io.jvirt.conformance.contract;

import java.util.List;

/**
 * Supplies the conformance targets of one driver; found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.jvirt.conformance.contract.ConformanceTargets} in the test
 * resources). A driver on the class path whose scheme no provider covers fails the harness.
 */
public interface ConformanceTargets {

    /** The schemes whose drivers these targets exercise. */
    List<String> schemes();

    /**
     * Starts whatever the targets need and returns them. A target whose server cannot run here
     * (e.g. vcsim not built) is left out and named in {@link #skipped()}.
     */
    List<ConformanceTarget> start() throws Exception;

    /** Why targets were left out (shown in the matrix), empty when none. */
    default List<String> skipped() {
        return List.of();
    }
}
