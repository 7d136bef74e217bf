package io.jvirt.esx.node;

import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.NodeInfo;
import io.jvirt.vim25.HostCpuIdInfo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What libvirt derives from a HostSystem's properties (esx-spec 2.2). */
public final class NodeFacts {
    private static final System.Logger LOG = System.getLogger(NodeFacts.class.getName());

    /** CPUID level of the extended feature bits ({@code 0x80000001} as a signed int). */
    static final int LONG_MODE_LEVEL = 0x80000001;

    private NodeFacts() {
    }

    /** {@code virsh nodeinfo} from the host properties. */
    public static NodeInfo nodeInfo(ObjectProps host) {
        long hz = number(host, HostProperties.CPU_HZ).longValue();
        int cores = number(host, HostProperties.CPU_CORES).intValue();
        int packages = number(host, HostProperties.CPU_PACKAGES).intValue();
        int threads = number(host, HostProperties.CPU_THREADS).intValue();
        long memory = number(host, HostProperties.MEMORY_SIZE).longValue();
        int nodes = number(host, HostProperties.NUMA_NODES).intValue();
        String model = host.string(HostProperties.CPU_MODEL).orElseThrow(() -> missing(HostProperties.CPU_MODEL));
        return new NodeInfo(cpuModel(model), memory / 1024, cores, (int) (hz / 1_000_000L), nodes, packages,
                packages == 0 ? 0 : cores / packages, cores == 0 ? 0 : threads / cores);
    }

    /** Collapses double blanks, drops (R), (C), (TM), truncates to 31 characters, like libvirt. */
    public static String cpuModel(String model) {
        String m = model;
        String before;
        do {
            before = m;
            m = m.replace("  ", " ").replace("(R)", "").replace("(C)", "").replace("(TM)", "");
        } while (!m.equals(before));
        return m.length() > 31 ? m.substring(0, 31) : m;
    }

    /** {@code hostName} or {@code hostName.domainName}. */
    public static String hostname(ObjectProps host) {
        String name = host.string(HostProperties.DNS_HOST_NAME).orElse("");
        if (name.isEmpty()) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Missing or empty 'hostName' property");
        }
        String domain = host.string(HostProperties.DNS_DOMAIN_NAME).orElse("");
        return domain.isEmpty() ? name : name + "." + domain;
    }

    /** The host's UUID, or all zeros when it is missing or unparsable (with a warning). */
    public static UUID hostUuid(ObjectProps host) {
        String text = host.string(HostProperties.SYSTEM_UUID).orElse("");
        Optional<UUID> parsed = Uuids.parse(text);
        if (parsed.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Could not parse host UUID from string ''{0}''", text);
            return new UUID(0, 0);
        }
        return parsed.get();
    }

    /** Whether the host runs 64-bit guests: bit 29 of EDX of CPUID level 0x80000001. */
    public static boolean supportsLongMode(List<HostCpuIdInfo> features) {
        for (HostCpuIdInfo f : features) {
            if (f.getLevel() == LONG_MODE_LEVEL) {
                checkRegister(f.getEax());
                checkRegister(f.getEbx());
                checkRegister(f.getEcx());
                checkRegister(f.getEdx());
                char bit29 = f.getEdx().charAt(2);
                if (bit29 == '1') {
                    return true;
                }
                if (bit29 == '0') {
                    return false;
                }
                throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, String.format(
                        "Bit 29 (Long Mode) of HostSystem property 'hardware.cpuFeature[].edx' with value '%s' has"
                                + " unexpected value '%c', expecting '0' or '1'", f.getEdx(), bit29));
            }
        }
        throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                "HostSystem property 'hardware.cpuFeature' has no entry for CPUID level 0x80000001,"
                        + " cannot tell whether the host supports 64-bit guests");
    }

    /** 8 groups of 4 characters separated by ':' (39 characters), most significant bit first. */
    static void checkRegister(String value) {
        if (value == null || value.length() != 39) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "HostCpuIdInfo register '" + value + "' has an unexpected length");
        }
        for (int i = 0; i < 39; i++) {
            boolean separator = i % 5 == 4;
            if (separator != (value.charAt(i) == ':')) {
                throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        "HostCpuIdInfo register '" + value + "' has an unexpected format");
            }
        }
    }

    static Number number(ObjectProps host, String path) {
        return host.get(path, Number.class).orElseThrow(() -> missing(path));
    }

    private static HypervisorException missing(String path) {
        return new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "Missing '" + path + "' property");
    }
}
