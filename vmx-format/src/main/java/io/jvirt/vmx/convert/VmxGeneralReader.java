package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.CpuDef;
import io.jvirt.spi.xml.CpuSet;
import io.jvirt.spi.xml.CpuTopology;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.OsDef;
import io.jvirt.spi.xml.Uuids;
import io.jvirt.vmx.util.VmxEscaping;

import java.util.BitSet;
import java.util.List;
import java.util.UUID;

/** Reads the non-device part of a VMX file: versions, identity, memory, CPUs, OS. */
final class VmxGeneralReader {
    /** Largest vCPU count accepted (VMware's maximum is far lower). */
    static final long MAX_VCPUS = 4096;
    /** Host CPU numbers in {@code sched.cpu.affinity} must be below this. */
    static final int MAX_AFFINITY_CPU = 1024;

    private final VmxValues vmx;

    VmxGeneralReader(VmxValues vmx) {
        this.vmx = vmx;
    }

    /** Checks config.version and virtualHW.version; returns the latter. */
    int versions() {
        long config = vmx.requiredLong("config.version");
        if (config != 8) {
            throw vmx.error("config.version", "Expecting VMX entry 'config.version' to be 8 but found %d", config);
        }
        long hw = vmx.requiredLong("virtualHW.version");
        if (hw < 4) {
            throw vmx.error("virtualHW.version",
                    "Expecting VMX entry 'virtualHW.version' to be 4 or higher but found %d", hw);
        }
        return (int) Math.min(hw, Integer.MAX_VALUE);
    }

    void read(DomainDef.Builder b) {
        UUID uuid = vmx.uuid("uuid.bios");
        b.uuid(uuid == null ? Uuids.ZERO : uuid);
        String displayName = vmx.string("displayName");
        if (displayName != null) {
            String unpercent = VmxEscaping.percentDecode(displayName);
            String name = unpercent == null ? null : VmxEscaping.pipeDecode(unpercent);
            if (name == null) {
                throw vmx.error("displayName", "VMX entry 'displayName' contains invalid escape sequence: '%s'", displayName);
            }
            b.name(name);
        }
        long genid = vmx.longValue("vm.genid", 0);
        long genidX = vmx.longValue("vm.genidX", 0);
        if (genid != 0 || genidX != 0) {
            b.genid(new UUID(genid, genidX));
        }
        String annotation = vmx.string("annotation");
        if (annotation != null) {
            String description = VmxEscaping.pipeDecode(annotation);
            if (description == null) {
                throw vmx.error("annotation", "VMX entry 'annotation' contains invalid escape sequence: '%s'",
                        annotation);
            }
            b.description(description);
        }
        memory(b);
        int vcpus = cpus(b);
        String guestOs = vmx.string("guestOS");
        String arch = guestOs != null && guestOs.endsWith("-64") ? "x86_64" : "i686";
        String firmware = vmx.string("firmware");
        if (firmware != null && !firmware.equals("efi")) {
            throw vmx.error("firmware", "VMX entry 'firmware' has unknown value '%s'", firmware);
        }
        boolean smbiosHost = vmx.bool("smbios.reflecthost", false);
        b.os(new OsDef("hvm", arch, null, firmware, List.of(), smbiosHost ? "host" : null));
        b.onPoweroff("destroy").onReboot("restart").onCrash("destroy");
        b.vcpus(vcpus);
    }

    private void memory(DomainDef.Builder b) {
        long memsize = vmx.longValue("memsize", 32);
        if (memsize <= 0 || memsize % 4 != 0) {
            throw vmx.error("memsize", "Expecting VMX entry 'memsize' to be an unsigned integer (multiple of 4) but "
                    + "found %d", memsize);
        }
        if (memsize > Long.MAX_VALUE / (1024L * 1024)) {
            throw vmx.error("memsize", "VMX entry 'memsize' is too large: %d", memsize);
        }
        b.memoryKiB(memsize * 1024);
        long max = vmx.longValue("sched.mem.max", memsize);
        // below 0 ("unlimited"): libvirt's reader; 0 and above memsize: libvirt's memory post-parse
        if (max <= 0 || max > memsize) {
            max = memsize;
        }
        b.currentMemoryKiB(max * 1024);
        long min = vmx.longValue("sched.mem.minsize", 0);
        if (min < 0) {
            min = 0;
        }
        b.minGuaranteeKiB(Math.min(min, memsize) * 1024);
    }

    private int cpus(DomainDef.Builder b) {
        long numvcpus = vmx.longValue("numvcpus", 1);
        if (numvcpus <= 0) {
            throw vmx.error("numvcpus", "Expecting VMX entry 'numvcpus' to be an unsigned integer greater than 0 but "
                    + "found %d", numvcpus);
        }
        if (numvcpus > MAX_VCPUS) {
            throw vmx.error("numvcpus", "Expecting VMX entry 'numvcpus' to be at most %d but found %d", MAX_VCPUS,
                    numvcpus);
        }
        long cores = vmx.longValue("cpuid.coresPerSocket", 1);
        if (cores > 1) {
            long sockets = numvcpus / cores;
            if (sockets == 0) {
                // libvirt says "smaller than", the opposite of what it tests
                throw vmx.error("cpuid.coresPerSocket", "VMX entry 'cpuid.coresPerSocket' (%d) larger than "
                        + "'numvcpus' (%d)", cores, numvcpus);
            }
            b.cpu(new CpuDef("custom", null, null, new CpuTopology((int) sockets, 1, (int) cores, 1)));
        }
        String affinity = vmx.string("sched.cpu.affinity");
        if (affinity != null && !affinity.equalsIgnoreCase("all")) {
            b.cpuset(affinity(affinity, numvcpus));
        }
        String shares = vmx.string("sched.cpu.shares");
        if (shares != null) {
            b.cpuShares(shares(shares, numvcpus));
        }
        return (int) numvcpus;
    }

    private CpuSet affinity(String value, long numvcpus) {
        String key = "sched.cpu.affinity";
        BitSet set = new BitSet();
        int count = 0;
        for (String part : value.split(",", -1)) {
            String s = part.strip();
            Long cpu = s.isEmpty() || !Character.isDigit(s.charAt(0)) ? null : VmxValues.parseLong(s);
            if (cpu == null) {
                throw vmx.error(key, "Expecting VMX entry 'sched.cpu.affinity' to be a comma separated list of "
                        + "unsigned integers but found '%s'", value);
            }
            if (cpu >= MAX_AFFINITY_CPU) {
                throw vmx.error(key, "VMX entry 'sched.cpu.affinity' contains a %d, this value is too large", cpu);
            }
            set.set(cpu.intValue());
            count++;
        }
        if (count < numvcpus) {
            throw vmx.error(key, "Expecting VMX entry 'sched.cpu.affinity' to contain at least as many values as "
                    + "'numvcpus' (%d) but found only %d value(s)", numvcpus, count);
        }
        return CpuSet.of(set);
    }

    private long shares(String value, long numvcpus) {
        if (value.equalsIgnoreCase("low")) {
            return numvcpus * 500;
        }
        if (value.equalsIgnoreCase("normal")) {
            return numvcpus * 1000;
        }
        if (value.equalsIgnoreCase("high")) {
            return numvcpus * 2000;
        }
        Long n = value.isEmpty() || !Character.isDigit(value.charAt(0)) ? null : VmxValues.parseLong(value);
        if (n == null) {
            throw vmx.error("sched.cpu.shares", "Expecting VMX entry 'sched.cpu.shares' to be an unsigned integer or "
                    + "'low', 'normal' or 'high' but found '%s'", value);
        }
        return n;
    }
}
