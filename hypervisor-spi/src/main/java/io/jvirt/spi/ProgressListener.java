package io.jvirt.spi;

/**
 * Receives progress of a long operation (power on, migrate, snapshot, upload), for example from
 * a vSphere task's {@code TaskInfo.progress}. Called from the thread running the operation.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Does nothing. */
    ProgressListener NONE = (operation, percent) -> { };

    /**
     * @param operation what is running, e.g. {@code "PowerOnVM_Task"} or {@code "migrate"}
     * @param percent   0..100, or {@code -1} when unknown
     */
    void progress(String operation, int percent);
}
