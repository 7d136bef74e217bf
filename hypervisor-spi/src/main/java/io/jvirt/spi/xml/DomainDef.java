package io.jvirt.spi.xml;

import java.util.List;
import java.util.UUID;

/**
 * A libvirt domain definition (the subset jvirt's drivers read and write). Build one with
 * {@link #builder()}; parse and print it with {@link DomainXml}.
 *
 * @param type                 the virtualization type ({@code vmware})
 * @param name                 the name, or null
 * @param uuid                 the UUID, or null when not given
 * @param genid                the VM generation id, or null
 * @param title                short description, or null
 * @param description          {@code <description>}, or null
 * @param memoryKiB            maximum memory in KiB
 * @param currentMemoryKiB     current memory in KiB, or -1 when not given (means = memory)
 * @param minGuaranteeKiB      {@code <memtune><min_guarantee>} in KiB, or 0 when not given
 * @param vcpus                number of (maximum) vCPUs
 * @param vcpuCurrent          {@code <vcpu current>}, or -1 when not given
 * @param cpuset               {@code <vcpu cpuset>}, or null
 * @param cpuShares            {@code <cputune><shares>}, or -1 when not given
 * @param cpu                  {@code <cpu>}, or null
 * @param os                   {@code <os>}
 * @param features             names of the {@code <features>} children
 * @param clockOffset          {@code <clock offset>}, or null
 * @param onPoweroff           lifecycle action, or null
 * @param onReboot             lifecycle action, or null
 * @param onCrash              lifecycle action, or null
 * @param devices              the devices
 * @param vmwareDatacenterPath {@code <vmware:datacenterpath>}, or null
 * @param vmwareMoref          {@code <vmware:moref>}, or null
 */
public record DomainDef(String type, String name, UUID uuid, UUID genid, String title, String description,
        long memoryKiB, long currentMemoryKiB, long minGuaranteeKiB, int vcpus, int vcpuCurrent, CpuSet cpuset,
        long cpuShares, CpuDef cpu, OsDef os, List<String> features, String clockOffset, String onPoweroff,
        String onReboot, String onCrash, Devices devices, String vmwareDatacenterPath, String vmwareMoref) {

    public DomainDef {
        features = List.copyOf(features);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.name = name;
        b.uuid = uuid;
        b.genid = genid;
        b.title = title;
        b.description = description;
        b.memoryKiB = memoryKiB;
        b.currentMemoryKiB = currentMemoryKiB;
        b.minGuaranteeKiB = minGuaranteeKiB;
        b.vcpus = vcpus;
        b.vcpuCurrent = vcpuCurrent;
        b.cpuset = cpuset;
        b.cpuShares = cpuShares;
        b.cpu = cpu;
        b.os = os;
        b.features = features;
        b.clockOffset = clockOffset;
        b.onPoweroff = onPoweroff;
        b.onReboot = onReboot;
        b.onCrash = onCrash;
        b.devices = devices;
        b.vmwareDatacenterPath = vmwareDatacenterPath;
        b.vmwareMoref = vmwareMoref;
        return b;
    }

    /** Current memory, falling back to the maximum when not given. */
    public long effectiveCurrentMemoryKiB() {
        return currentMemoryKiB < 0 ? memoryKiB : currentMemoryKiB;
    }

    /** The current vCPU count, falling back to the maximum when not given. */
    public int effectiveVcpuCurrent() {
        return vcpuCurrent < 0 ? vcpus : vcpuCurrent;
    }

    /** A mutable builder; defaults: type vmware, 1 vCPU, os hvm, no devices. */
    public static final class Builder {
        private String type = "vmware";
        private String name;
        private UUID uuid;
        private UUID genid;
        private String title;
        private String description;
        private long memoryKiB;
        private long currentMemoryKiB = -1;
        private long minGuaranteeKiB;
        private int vcpus = 1;
        private int vcpuCurrent = -1;
        private CpuSet cpuset;
        private long cpuShares = -1;
        private CpuDef cpu;
        private OsDef os = new OsDef("hvm", null, null, null, List.of(), null);
        private List<String> features = List.of();
        private String clockOffset;
        private String onPoweroff;
        private String onReboot;
        private String onCrash;
        private Devices devices = Devices.NONE;
        private String vmwareDatacenterPath;
        private String vmwareMoref;

        public Builder type(String v) { type = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder uuid(UUID v) { uuid = v; return this; }
        public Builder genid(UUID v) { genid = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder memoryKiB(long v) { memoryKiB = v; return this; }
        public Builder currentMemoryKiB(long v) { currentMemoryKiB = v; return this; }
        public Builder minGuaranteeKiB(long v) { minGuaranteeKiB = v; return this; }
        public Builder vcpus(int v) { vcpus = v; return this; }
        public Builder vcpuCurrent(int v) { vcpuCurrent = v; return this; }
        public Builder cpuset(CpuSet v) { cpuset = v; return this; }
        public Builder cpuShares(long v) { cpuShares = v; return this; }
        public Builder cpu(CpuDef v) { cpu = v; return this; }
        public Builder os(OsDef v) { os = v; return this; }
        public Builder features(List<String> v) { features = v; return this; }
        public Builder clockOffset(String v) { clockOffset = v; return this; }
        public Builder onPoweroff(String v) { onPoweroff = v; return this; }
        public Builder onReboot(String v) { onReboot = v; return this; }
        public Builder onCrash(String v) { onCrash = v; return this; }
        public Builder devices(Devices v) { devices = v; return this; }
        public Builder vmwareDatacenterPath(String v) { vmwareDatacenterPath = v; return this; }
        public Builder vmwareMoref(String v) { vmwareMoref = v; return this; }

        public DomainDef build() {
            return new DomainDef(type, name, uuid, genid, title, description, memoryKiB, currentMemoryKiB,
                    minGuaranteeKiB, vcpus, vcpuCurrent, cpuset, cpuShares, cpu, os, features, clockOffset,
                    onPoweroff, onReboot, onCrash, devices, vmwareDatacenterPath, vmwareMoref);
        }
    }
}
