package io.jvirt.spi;

/**
 * The domain's running background job (libvirt's {@code virDomainGetJobInfo}); for ESX the
 * VM's running vSphere task.
 *
 * @param type        libvirt's job type: {@code NONE} when nothing runs, else {@code UNBOUNDED}
 *                    (no progress known) or {@code BOUNDED}
 * @param operation   what runs, e.g. {@code CloneVM_Task}, or null
 * @param elapsedMs   time since the job started in milliseconds, or -1 when unknown
 * @param percent     progress in percent (0-100), or -1 when unknown
 */
public record DomainJobInfo(Type type, String operation, long elapsedMs, int percent) {

    /** libvirt's {@code virDomainJobType} values that jvirt uses. */
    public enum Type {
        NONE("None"), BOUNDED("Bounded"), UNBOUNDED("Unbounded");

        private final String virshName;

        Type(String virshName) {
            this.virshName = virshName;
        }

        /** As virsh's {@code domjobinfo} prints it. */
        public String virshName() {
            return virshName;
        }
    }

    /** No job. */
    public static DomainJobInfo none() {
        return new DomainJobInfo(Type.NONE, null, -1, -1);
    }
}
