package io.jvirt.simulator;

import io.jvirt.vim25.AboutInfo;
import io.jvirt.vim25.HostBlockHba;
import io.jvirt.vim25.HostCapability;
import io.jvirt.vim25.HostConfigInfo;
import io.jvirt.vim25.HostConfigManager;
import io.jvirt.vim25.HostConfigSummary;
import io.jvirt.vim25.HostCpuIdInfo;
import io.jvirt.vim25.HostCpuInfo;
import io.jvirt.vim25.HostDiskDimensionsLba;
import io.jvirt.vim25.HostDnsConfig;
import io.jvirt.vim25.HostHardwareInfo;
import io.jvirt.vim25.HostHardwareSummary;
import io.jvirt.vim25.HostInternetScsiHba;
import io.jvirt.vim25.HostInternetScsiHbaStaticTarget;
import io.jvirt.vim25.HostInternetScsiTargetTransport;
import io.jvirt.vim25.HostIpConfig;
import io.jvirt.vim25.HostListSummary;
import io.jvirt.vim25.HostListSummaryQuickStats;
import io.jvirt.vim25.HostNetworkInfo;
import io.jvirt.vim25.HostNetworkPolicy;
import io.jvirt.vim25.HostNetworkSecurityPolicy;
import io.jvirt.vim25.HostNetworkTrafficShapingPolicy;
import io.jvirt.vim25.HostNicTeamingPolicy;
import io.jvirt.vim25.HostNumaInfo;
import io.jvirt.vim25.HostPortGroup;
import io.jvirt.vim25.HostPortGroupPort;
import io.jvirt.vim25.HostPortGroupSpec;
import io.jvirt.vim25.HostRuntimeInfo;
import io.jvirt.vim25.HostScsiDisk;
import io.jvirt.vim25.HostScsiTopology;
import io.jvirt.vim25.HostScsiTopologyInterface;
import io.jvirt.vim25.HostScsiTopologyLun;
import io.jvirt.vim25.HostScsiTopologyTarget;
import io.jvirt.vim25.HostStorageDeviceInfo;
import io.jvirt.vim25.HostSystemConnectionState;
import io.jvirt.vim25.HostSystemInfo;
import io.jvirt.vim25.HostSystemPowerState;
import io.jvirt.vim25.HostVirtualSwitch;
import io.jvirt.vim25.HostVirtualSwitchBondBridge;
import io.jvirt.vim25.HostVirtualSwitchSpec;
import io.jvirt.vim25.ManagedEntityStatus;
import io.jvirt.vim25.PhysicalNic;
import io.jvirt.vim25.PhysicalNicLinkInfo;
import io.jvirt.vim25.PhysicalNicSpec;
import io.jvirt.vim25.VirtualMachinePowerState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Creates a HostSystem with realistic hardware, network (vSwitch0 with "VM Network" and
 * "Management Network", vmnic0/vmnic1), storage (a local HBA and a software iSCSI HBA with one
 * static target and two LUNs) and its HostNetworkSystem, HostStorageSystem and HostAutoStartManager.
 */
final class HostFactory {

    /** CPUID leaf 0x80000001 as a signed int, as vSphere sends it. */
    static final int EXTENDED_FEATURES_LEVEL = 0x80000001;
    static final String ISCSI_TARGET = "iqn.2026-01.test.jvirt:storage.target0";

    private final Inventory inventory;
    private final IdStyle ids;
    private final AboutInfo product;

    HostFactory(Inventory inventory, IdStyle ids, AboutInfo product) {
        this.inventory = inventory;
        this.ids = ids;
        this.product = product;
    }

    /** Everything needed to place a host. */
    record HostSpec(String name, String hostName, String domainName, String managementIp, String managementServerIp) {
    }

    ManagedObject create(HostSpec spec, ManagedObject datacenter, ManagedObject computeResource) {
        ManagedObject host = new ManagedObject("HostSystem", ids.of("host", "ha-host"));
        String uuid = UUID.nameUUIDFromBytes(("host-" + spec.name()).getBytes(StandardCharsets.UTF_8)).toString();
        host.set("name", spec.name());
        host.set("parent", computeResource.ref());
        host.set("hardware", hardware(uuid));
        host.set("runtime", runtime());
        host.set("capability", capability());
        host.set("overallStatus", ManagedEntityStatus.GREEN);
        host.set("configStatus", ManagedEntityStatus.GREEN);
        host.set("vm", Refs.emptyArray());
        host.set("datastore", Refs.emptyArray());
        host.set("network", Refs.emptyArray());
        host.setInternal("datacenter", datacenter);
        host.setInternal("managementIp", spec.managementIp());
        host.setInternal("managementServerIp", spec.managementServerIp());

        ManagedObject networkSystem = new ManagedObject("HostNetworkSystem", ids.of("networkSystem", "networkSystem"));
        ManagedObject storageSystem = new ManagedObject("HostStorageSystem", ids.of("storageSystem", "storageSystem"));
        ManagedObject autoStart = new ManagedObject("HostAutoStartManager", ids.of("autoStartManager", "ha-autostart-mgr"));
        HostConfigInfo config = new HostConfigInfo();
        config.setHost(host.ref());
        config.setProduct(product);
        config.setNetwork(network(spec));
        config.setStorageDevice(storage());
        host.set("config", config);
        HostConfigManager managers = new HostConfigManager();
        managers.setNetworkSystem(networkSystem.ref());
        managers.setStorageSystem(storageSystem.ref());
        managers.setAutoStartManager(autoStart.ref());
        host.set("configManager", managers);
        host.derive("summary", caller -> summary(host, spec));

        networkSystem.setInternal("host", host);
        networkSystem.derive("networkInfo", caller -> config.getNetwork());
        storageSystem.setInternal("host", host);
        storageSystem.derive("storageDeviceInfo", caller -> config.getStorageDevice());
        autoStart.setInternal("host", host);
        autoStart.set("config", AutoStart.initialConfig());
        inventory.add(host);
        inventory.add(networkSystem);
        inventory.add(storageSystem);
        inventory.add(autoStart);
        Refs.add(computeResource, "host", host.ref());
        return host;
    }

    private static HostHardwareInfo hardware(String uuid) {
        HostHardwareInfo hardware = new HostHardwareInfo();
        HostSystemInfo system = new HostSystemInfo();
        system.setVendor("VMware, Inc.");
        system.setModel("VMware Virtual Platform");
        system.setUuid(uuid);
        system.setSerialNumber("VMware-" + uuid.substring(0, 8));
        hardware.setSystemInfo(system);
        HostCpuInfo cpu = new HostCpuInfo();
        cpu.setNumCpuPackages((short) 2);
        cpu.setNumCpuCores((short) 8);
        cpu.setNumCpuThreads((short) 16);
        cpu.setHz(2_600_000_000L);
        hardware.setCpuInfo(cpu);
        hardware.setMemorySize(34_359_738_368L);
        HostNumaInfo numa = new HostNumaInfo();
        numa.setType("NUMA");
        numa.setNumNodes(2);
        hardware.setNumaInfo(numa);
        hardware.setSmcPresent(false);
        hardware.getCpuFeature().add(cpuid(0, "0000:0000:0000:0000:0000:0000:0000:1101", "0111:0101:0110:1110:0110:0101:0100:0111",
                "0110:1100:0110:0101:0111:0100:0110:1110", "0100:1001:0110:0101:0110:1110:0110:1001"));
        hardware.getCpuFeature().add(cpuid(1, "0000:0000:0000:0011:0000:0110:1110:0100", "0000:0000:0000:0001:0000:1000:0000:0000",
                "1001:0111:1011:1010:0010:0010:0010:1011", "0000:1111:1010:1011:1111:1011:1111:1111"));
        hardware.getCpuFeature().add(cpuid(EXTENDED_FEATURES_LEVEL, "0000:0000:0000:0000:0000:0000:0000:0000",
                "0000:0000:0000:0000:0000:0000:0000:0000", "0000:0000:0000:0000:0000:0000:0000:0001",
                "0010:1000:0001:0000:0000:1000:0000:0000"));
        return hardware;
    }

    private static HostCpuIdInfo cpuid(int level, String eax, String ebx, String ecx, String edx) {
        HostCpuIdInfo info = new HostCpuIdInfo();
        info.setLevel(level);
        info.setVendor(level == EXTENDED_FEATURES_LEVEL ? "amd" : null);
        info.setEax(eax);
        info.setEbx(ebx);
        info.setEcx(ecx);
        info.setEdx(edx);
        return info;
    }

    private static HostRuntimeInfo runtime() {
        HostRuntimeInfo runtime = new HostRuntimeInfo();
        runtime.setConnectionState(HostSystemConnectionState.CONNECTED);
        runtime.setPowerState(HostSystemPowerState.POWERED_ON);
        runtime.setStandbyMode("none");
        runtime.setInMaintenanceMode(false);
        runtime.setBootTime(Xml.dateTime(Instant.parse("2026-01-01T00:00:00Z")));
        return runtime;
    }

    private static HostCapability capability() {
        HostCapability capability = new HostCapability();
        capability.setMaxSupportedVcpus(64);
        capability.setMaxHostSupportedVcpus(128);
        capability.setVmotionSupported(true);
        capability.setScreenshotSupported(true);
        capability.setStorageVMotionSupported(true);
        return capability;
    }

    private HostListSummary summary(ManagedObject host, HostSpec spec) {
        HostHardwareInfo hardware = host.require("hardware", HostHardwareInfo.class);
        HostListSummary summary = new HostListSummary();
        summary.setHost(host.ref());
        HostHardwareSummary hw = new HostHardwareSummary();
        hw.setVendor(hardware.getSystemInfo().getVendor());
        hw.setModel(hardware.getSystemInfo().getModel());
        hw.setUuid(hardware.getSystemInfo().getUuid());
        hw.setMemorySize(hardware.getMemorySize());
        hw.setCpuModel("Intel(R) Xeon(R)  CPU E5-2650 v2 @ 2.60GHz");
        hw.setCpuMhz(2600);
        hw.setNumCpuPkgs(hardware.getCpuInfo().getNumCpuPackages());
        hw.setNumCpuCores(hardware.getCpuInfo().getNumCpuCores());
        hw.setNumCpuThreads(hardware.getCpuInfo().getNumCpuThreads());
        hw.setNumNics(2);
        hw.setNumHBAs(2);
        summary.setHardware(hw);
        summary.setRuntime(host.require("runtime", HostRuntimeInfo.class));
        HostConfigSummary config = new HostConfigSummary();
        config.setName(spec.name());
        config.setPort(443);
        config.setProduct(product);
        config.setVmotionEnabled(true);
        config.setFaultToleranceEnabled(false);
        summary.setConfig(config);
        HostListSummaryQuickStats stats = new HostListSummaryQuickStats();
        long poweredOnMb = Refs.list(host, "vm").stream().map(inventory::find).flatMap(java.util.Optional::stream)
                .filter(vm -> VmLifecycle.runtime(vm).getPowerState() == VirtualMachinePowerState.POWERED_ON)
                .mapToLong(vm -> vm.require("config", io.jvirt.vim25.VirtualMachineConfigInfo.class).getHardware().getMemoryMB())
                .sum();
        stats.setOverallCpuUsage(312);
        stats.setOverallMemoryUsage((int) (2048 + poweredOnMb));
        stats.setUptime(86_400);
        summary.setQuickStats(stats);
        summary.setOverallStatus(ManagedEntityStatus.GREEN);
        summary.setRebootRequired(false);
        summary.setManagementServerIp((String) host.internal("managementServerIp"));
        return summary;
    }

    private static HostNetworkInfo network(HostSpec spec) {
        HostNetworkInfo network = new HostNetworkInfo();
        network.getPnic().add(pnic(0, "00:50:56:01:00:00", spec.managementIp()));
        network.getPnic().add(pnic(1, "00:50:56:01:00:01", null));
        HostVirtualSwitch vswitch = new HostVirtualSwitch();
        vswitch.setName("vSwitch0");
        vswitch.setKey("key-vim.host.VirtualSwitch-vSwitch0");
        vswitch.setNumPorts(128);
        vswitch.setNumPortsAvailable(120);
        vswitch.setMtu(1500);
        vswitch.getPnic().add("key-vim.host.PhysicalNic-vmnic0");
        HostVirtualSwitchSpec switchSpec = new HostVirtualSwitchSpec();
        switchSpec.setNumPorts(128);
        HostVirtualSwitchBondBridge bridge = new HostVirtualSwitchBondBridge();
        bridge.getNicDevice().add("vmnic0");
        switchSpec.setBridge(bridge);
        switchSpec.setPolicy(defaultPolicy());
        switchSpec.setMtu(1500);
        vswitch.setSpec(switchSpec);
        network.getVswitch().add(vswitch);
        network.getPortgroup().add(portGroup("VM Network", vswitch, null));
        network.getPortgroup().add(portGroup("Management Network", vswitch, "host"));
        HostDnsConfig dns = new HostDnsConfig();
        dns.setDhcp(false);
        dns.setHostName(spec.hostName());
        dns.setDomainName(spec.domainName());
        dns.getAddress().add("192.0.2.53");
        dns.getSearchDomain().add(spec.domainName());
        network.setDnsConfig(dns);
        return network;
    }

    private static PhysicalNic pnic(int index, String mac, String ip) {
        PhysicalNic nic = new PhysicalNic();
        nic.setKey("key-vim.host.PhysicalNic-vmnic" + index);
        nic.setDevice("vmnic" + index);
        nic.setPci("0000:0" + (index + 2) + ":00.0");
        nic.setDriver("e1000");
        PhysicalNicLinkInfo link = new PhysicalNicLinkInfo();
        link.setSpeedMb(1000);
        link.setDuplex(true);
        nic.setLinkSpeed(link);
        PhysicalNicSpec nicSpec = new PhysicalNicSpec();
        HostIpConfig ipConfig = new HostIpConfig();
        ipConfig.setDhcp(ip == null);
        if (ip != null) {
            ipConfig.setIpAddress(ip);
            ipConfig.setSubnetMask("255.255.255.0");
        }
        nicSpec.setIp(ipConfig);
        nicSpec.setLinkSpeed(link);
        nic.setSpec(nicSpec);
        nic.setWakeOnLanSupported(false);
        nic.setMac(mac);
        return nic;
    }

    private static HostPortGroup portGroup(String name, HostVirtualSwitch vswitch, String portType) {
        HostPortGroupSpec spec = new HostPortGroupSpec();
        spec.setName(name);
        spec.setVlanId(0);
        spec.setVswitchName(vswitch.getName());
        spec.setPolicy(new HostNetworkPolicy());
        HostPortGroup group = new HostPortGroup();
        group.setKey("key-vim.host.PortGroup-" + name);
        group.setVswitch(vswitch.getKey());
        group.setSpec(spec);
        group.setComputedPolicy(defaultPolicy());
        if (portType != null) {
            HostPortGroupPort port = new HostPortGroupPort();
            port.setKey("key-vim.host.PortGroup.Port-16777218");
            port.getMac().add("00:50:56:6a:00:01");
            port.setType(portType);
            group.getPort().add(port);
        }
        vswitch.getPortgroup().add(group.getKey());
        return group;
    }

    private static HostNetworkPolicy defaultPolicy() {
        HostNetworkPolicy policy = new HostNetworkPolicy();
        HostNetworkSecurityPolicy security = new HostNetworkSecurityPolicy();
        security.setAllowPromiscuous(false);
        security.setMacChanges(true);
        security.setForgedTransmits(true);
        policy.setSecurity(security);
        HostNicTeamingPolicy teaming = new HostNicTeamingPolicy();
        teaming.setPolicy("loadbalance_srcid");
        teaming.setNotifySwitches(true);
        teaming.setRollingOrder(false);
        policy.setNicTeaming(teaming);
        HostNetworkTrafficShapingPolicy shaping = new HostNetworkTrafficShapingPolicy();
        shaping.setEnabled(false);
        policy.setShapingPolicy(shaping);
        return policy;
    }

    private static HostStorageDeviceInfo storage() {
        HostStorageDeviceInfo storage = new HostStorageDeviceInfo();
        HostBlockHba local = new HostBlockHba();
        local.setKey("key-vim.host.BlockHba-vmhba0");
        local.setDevice("vmhba0");
        local.setBus(3);
        local.setStatus("unknown");
        local.setModel("PIIX4 for 430TX/440BX/MX IDE Controller");
        local.setDriver("vmkata");
        local.setPci("0000:00:07.1");
        storage.getHostBusAdapter().add(local);
        HostInternetScsiHba iscsi = new HostInternetScsiHba();
        iscsi.setKey("key-vim.host.InternetScsiHba-vmhba33");
        iscsi.setDevice("vmhba33");
        iscsi.setBus(0);
        iscsi.setStatus("online");
        iscsi.setModel("iSCSI Software Adapter");
        iscsi.setDriver("iscsi_vmk");
        iscsi.setIsSoftwareBased(true);
        iscsi.setIScsiName("iqn.1998-01.com.vmware:localhost-4a1b2c3d");
        HostInternetScsiHbaStaticTarget target = new HostInternetScsiHbaStaticTarget();
        target.setAddress("192.0.2.20");
        target.setPort(3260);
        target.setIScsiName(ISCSI_TARGET);
        target.setDiscoveryMethod("staticMethod");
        iscsi.getConfiguredStaticTarget().add(target);
        storage.getHostBusAdapter().add(iscsi);
        storage.getScsiLun().add(lun(0, 20_971_520L));
        storage.getScsiLun().add(lun(1, 41_943_040L));
        HostScsiTopology topology = new HostScsiTopology();
        HostScsiTopologyInterface adapter = new HostScsiTopologyInterface();
        adapter.setKey("key-vim.host.ScsiTopology.Interface-vmhba33");
        adapter.setAdapter(iscsi.getKey());
        HostScsiTopologyTarget topologyTarget = new HostScsiTopologyTarget();
        topologyTarget.setKey("key-vim.host.ScsiTopology.Target-vmhba33:0:0");
        topologyTarget.setTarget(0);
        HostInternetScsiTargetTransport transport = new HostInternetScsiTargetTransport();
        transport.setIScsiName(ISCSI_TARGET);
        transport.getAddress().add("192.0.2.20:3260");
        topologyTarget.setTransport(transport);
        for (int i = 0; i < 2; i++) {
            HostScsiTopologyLun topologyLun = new HostScsiTopologyLun();
            topologyLun.setKey("key-vim.host.ScsiTopology.Lun-vmhba33:0:" + i);
            topologyLun.setLun(i);
            topologyLun.setScsiLun(lunKey(i));
            topologyTarget.getLun().add(topologyLun);
        }
        adapter.getTarget().add(topologyTarget);
        topology.getAdapter().add(adapter);
        storage.setScsiTopology(topology);
        storage.setSoftwareInternetScsiEnabled(true);
        return storage;
    }

    private static HostScsiDisk lun(int index, long blocks) {
        HostScsiDisk disk = new HostScsiDisk();
        String naa = "naa.6000c29" + String.format("%025x", 0xabcL + index);
        disk.setDeviceName("/vmfs/devices/disks/" + naa);
        disk.setDeviceType("disk");
        disk.setKey(lunKey(index));
        disk.setUuid("0200" + index + "00000" + naa.substring(4) + "566972747561");
        disk.setCanonicalName(naa);
        disk.setDisplayName("Jvirt iSCSI Disk (" + naa + ")");
        disk.setLunType("disk");
        disk.setVendor("JVIRT   ");
        disk.setModel("Virtual disk    ");
        disk.setRevision("1.0 ");
        disk.setScsiLevel(6);
        disk.getOperationalState().add("ok");
        HostDiskDimensionsLba capacity = new HostDiskDimensionsLba();
        capacity.setBlockSize(512);
        capacity.setBlock(blocks);
        disk.setCapacity(capacity);
        disk.setDevicePath("/vmfs/devices/disks/" + naa);
        disk.setSsd(false);
        disk.setLocalDisk(false);
        return disk;
    }

    private static String lunKey(int index) {
        return "key-vim.host.ScsiDisk-0200" + index + "000006000c29abc";
    }
}
