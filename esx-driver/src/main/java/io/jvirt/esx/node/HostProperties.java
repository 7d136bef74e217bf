package io.jvirt.esx.node;

import java.util.List;

/** The HostSystem properties the driver reads at connect time, in one request with the inventory. */
public final class HostProperties {
    public static final String CPU_HZ = "hardware.cpuInfo.hz";
    public static final String CPU_CORES = "hardware.cpuInfo.numCpuCores";
    public static final String CPU_PACKAGES = "hardware.cpuInfo.numCpuPackages";
    public static final String CPU_THREADS = "hardware.cpuInfo.numCpuThreads";
    public static final String MEMORY_SIZE = "hardware.memorySize";
    public static final String NUMA_NODES = "hardware.numaInfo.numNodes";
    public static final String CPU_MODEL = "summary.hardware.cpuModel";
    public static final String SYSTEM_UUID = "hardware.systemInfo.uuid";
    public static final String CPU_FEATURE = "hardware.cpuFeature";
    public static final String DNS_HOST_NAME = "config.network.dnsConfig.hostName";
    public static final String DNS_DOMAIN_NAME = "config.network.dnsConfig.domainName";
    public static final String MAX_VCPUS = "capability.maxSupportedVcpus";
    public static final String VMOTION = "capability.vmotionSupported";
    public static final String MAINTENANCE = "runtime.inMaintenanceMode";
    public static final String MANAGEMENT_SERVER_IP = "summary.managementServerIp";
    public static final String AUTOSTART_MANAGER = "configManager.autoStartManager";
    public static final String MEMORY_USAGE = "summary.quickStats.overallMemoryUsage";

    /** Everything read at connect time. */
    public static final List<String> AT_CONNECT = List.of(CPU_HZ, CPU_CORES, CPU_PACKAGES, CPU_THREADS, MEMORY_SIZE,
            NUMA_NODES, CPU_MODEL, SYSTEM_UUID, CPU_FEATURE, DNS_HOST_NAME, DNS_DOMAIN_NAME, MAX_VCPUS, VMOTION,
            MAINTENANCE, MANAGEMENT_SERVER_IP, AUTOSTART_MANAGER);

    private HostProperties() {
    }
}
