package io.jvirt.simulator;

import io.jvirt.vim25.GuestInfo;
import io.jvirt.vim25.GuestNicInfo;
import io.jvirt.vim25.ManagedEntityStatus;
import io.jvirt.vim25.NetIpConfigInfo;
import io.jvirt.vim25.NetIpConfigInfoIpAddress;
import io.jvirt.vim25.ResourceAllocationInfo;
import io.jvirt.vim25.SharesInfo;
import io.jvirt.vim25.SharesLevel;
import io.jvirt.vim25.VirtualHardware;
import io.jvirt.vim25.VirtualMachineConfigInfo;
import io.jvirt.vim25.VirtualMachineConfigSummary;
import io.jvirt.vim25.VirtualMachineConnectionState;
import io.jvirt.vim25.VirtualMachineFileInfo;
import io.jvirt.vim25.VirtualMachineGuestSummary;
import io.jvirt.vim25.VirtualMachinePowerState;
import io.jvirt.vim25.VirtualMachineQuickStats;
import io.jvirt.vim25.VirtualMachineRuntimeInfo;
import io.jvirt.vim25.VirtualMachineSummary;
import io.jvirt.vim25.VirtualMachineToolsStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Creates VirtualMachine objects and their files (.vmx, disk, nvram, log) on a simulated datastore,
 * and keeps the guest view (tools, IP addresses) consistent with the power state.
 */
final class VmFactory {

    private final Inventory inventory;
    private final IdStyle ids;

    VmFactory(Inventory inventory, IdStyle ids) {
        this.inventory = inventory;
        this.ids = ids;
    }

    /** Where a VM lives. */
    record Placement(ManagedObject host, ManagedObject pool, ManagedObject folder, ManagedObject datastore, ManagedObject network) {
    }

    /** Creates the VM's files in {@code [ds] <name>/} and registers it. */
    ManagedObject createWithFiles(VmDefinition definition, Placement placement, VirtualMachinePowerState state) {
        DatastoreFiles files = placement.datastore().internal("files", DatastoreFiles.class);
        String dir = definition.name();
        files.makeDirectories(dir);
        files.write(dir + "/" + definition.name() + ".vmx", VmxText.render(definition).getBytes(StandardCharsets.UTF_8));
        VirtualDisks.writeDisk(files, dir + "/" + definition.diskFileName(), 16L * 1024 * 1024, "thin", "lsiLogic", definition.uuid());
        files.write(dir + "/" + definition.name() + ".nvram", new byte[8684]);
        files.write(dir + "/vmware.log", ("vmx| I125: Log for VMware ESX pid=1000\n").getBytes(StandardCharsets.UTF_8));
        String vmPath = "[" + placement.datastore().get("name") + "] " + dir + "/" + definition.name() + ".vmx";
        return register(definition, vmPath, placement, state);
    }

    /** Registers a VM whose .vmx already exists at {@code vmPathName}. */
    ManagedObject register(VmDefinition definition, String vmPathName, Placement placement, VirtualMachinePowerState state) {
        ManagedObject vm = new ManagedObject("VirtualMachine", ids.vm());
        vm.set("name", definition.name());
        vm.set("parent", placement.folder().ref());
        vm.set("resourcePool", placement.pool().ref());
        VirtualMachineConfigInfo config = config(definition, vmPathName);
        config.getHardware().getDevice().addAll(devicesFromVmx(inventory, placement.datastore(), vmPathName));
        vm.set("config", config);
        vm.set("runtime", runtime(placement.host(), state));
        vm.set("guest", new GuestInfo());
        vm.set("configStatus", ManagedEntityStatus.GREEN);
        vm.set("overallStatus", ManagedEntityStatus.GREEN);
        vm.set("recentTask", Refs.emptyArray());
        vm.set("datastore", Refs.array(java.util.List.of(placement.datastore().ref())));
        vm.set("network", Refs.array(java.util.List.of(placement.network().ref())));
        vm.setInternal("networkName", placement.network().get("name"));
        vm.setInternal("macAddress", definition.macAddress());
        vm.derive("summary", caller -> summary(vm));
        inventory.add(vm);
        Refs.addNew(placement.folder(), "childEntity", vm.ref());
        Refs.addNew(placement.pool(), "vm", vm.ref());
        Refs.addNew(placement.host(), "vm", vm.ref());
        Refs.addNew(placement.datastore(), "vm", vm.ref());
        Refs.addNew(placement.network(), "vm", vm.ref());
        updateGuest(vm);
        return vm;
    }

    /** The devices the VM's .vmx describes (none when the file cannot be read). */
    static java.util.List<io.jvirt.vim25.VirtualDevice> devicesFromVmx(Inventory inventory, ManagedObject datastore,
                                                                       String vmPathName) {
        DatastorePath path = DatastorePath.parse(vmPathName);
        return datastore.internal("files", DatastoreFiles.class).read(path.path())
                .map(f -> VmDevices.fromVmx(VmxText.parse(new String(f.content(), StandardCharsets.UTF_8)), path,
                        mounts(inventory)))
                .orElse(java.util.List.of());
    }

    /** Datastore name to mount path. */
    static java.util.Map<String, String> mounts(Inventory inventory) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (ManagedObject ds : inventory.ofType("Datastore")) {
            Object mount = ds.internal("mountPath");
            if (mount != null) {
                out.put(String.valueOf(ds.get("name")), mount.toString());
            }
        }
        return out;
    }

    /** Refreshes {@code guest} from the power state: tools and addresses only while powered on. */
    static void updateGuest(ManagedObject vm) {
        VirtualMachineConfigInfo config = vm.require("config", VirtualMachineConfigInfo.class);
        VirtualMachineRuntimeInfo runtime = vm.require("runtime", VirtualMachineRuntimeInfo.class);
        GuestInfo guest = new GuestInfo();
        guest.setGuestId(config.getGuestId());
        guest.setGuestFullName(config.getGuestFullName());
        guest.setToolsVersion("11269");
        guest.setToolsVersionStatus("guestToolsCurrent");
        guest.setToolsVersionStatus2("guestToolsCurrent");
        if (runtime.getPowerState() == VirtualMachinePowerState.POWERED_ON) {
            guest.setToolsStatus(VirtualMachineToolsStatus.TOOLS_OK);
            guest.setToolsRunningStatus("guestToolsRunning");
            guest.setGuestState("running");
            guest.setHostName(String.valueOf(vm.get("name")).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-"));
            String ip = "192.168.122." + (10 + Math.floorMod(vm.value().hashCode(), 200));
            guest.setIpAddress(ip);
            GuestNicInfo nic = new GuestNicInfo();
            Object networks = vm.get("network");
            nic.setNetwork(networks instanceof io.jvirt.vim25.ArrayOfManagedObjectReference a && !a.getManagedObjectReference().isEmpty()
                    ? networkName(vm) : null);
            nic.getIpAddress().add(ip);
            nic.getIpAddress().add("fe80::20c:29ff:fe00:" + Integer.toHexString(10 + Math.floorMod(vm.value().hashCode(), 200)));
            nic.setMacAddress(macAddress(vm));
            nic.setConnected(true);
            nic.setDeviceConfigId(4000);
            NetIpConfigInfo ipConfig = new NetIpConfigInfo();
            ipConfig.getIpAddress().add(address(ip, 24));
            ipConfig.getIpAddress().add(address(nic.getIpAddress().get(1), 64));
            nic.setIpConfig(ipConfig);
            guest.getNet().add(nic);
        } else {
            guest.setToolsStatus(VirtualMachineToolsStatus.TOOLS_NOT_RUNNING);
            guest.setToolsRunningStatus("guestToolsNotRunning");
            guest.setGuestState("notRunning");
        }
        vm.set("guest", guest);
    }

    private static String networkName(ManagedObject vm) {
        Object name = vm.internal("networkName");
        return name == null ? "VM Network" : name.toString();
    }

    private static String macAddress(ManagedObject vm) {
        Object mac = vm.internal("macAddress");
        return mac == null ? "00:0c:29:00:00:01" : mac.toString();
    }

    private static NetIpConfigInfoIpAddress address(String ip, int prefix) {
        NetIpConfigInfoIpAddress address = new NetIpConfigInfoIpAddress();
        address.setIpAddress(ip);
        address.setPrefixLength(prefix);
        address.setState("preferred");
        return address;
    }

    private static VirtualMachineConfigInfo config(VmDefinition definition, String vmPathName) {
        VirtualMachineConfigInfo config = new VirtualMachineConfigInfo();
        config.setChangeVersion(Instant.now().toString());
        config.setModified(Xml.dateTime(Instant.EPOCH));
        config.setName(definition.name());
        config.setGuestFullName(guestFullName(definition.guestId()));
        config.setVersion("vmx-13");
        config.setUuid(definition.uuid());
        config.setInstanceUuid(java.util.UUID.nameUUIDFromBytes(("instance-" + definition.uuid()).getBytes(StandardCharsets.UTF_8)).toString());
        config.setTemplate(false);
        config.setGuestId(definition.guestId());
        config.setAnnotation(definition.annotation());
        VirtualMachineFileInfo files = new VirtualMachineFileInfo();
        files.setVmPathName(vmPathName);
        String dir = vmPathName.substring(0, vmPathName.lastIndexOf('/') + 1);
        files.setSnapshotDirectory(dir);
        files.setSuspendDirectory(dir);
        files.setLogDirectory(dir);
        config.setFiles(files);
        VirtualHardware hardware = new VirtualHardware();
        hardware.setNumCPU(definition.numCpus());
        hardware.setNumCoresPerSocket(1);
        hardware.setMemoryMB(definition.memoryMB());
        config.setHardware(hardware);
        config.setCpuAllocation(allocation(1000L * definition.numCpus()));
        config.setMemoryAllocation(allocation(10L * definition.memoryMB()));
        config.setMemoryHotAddEnabled(false);
        config.setCpuHotAddEnabled(false);
        config.setCpuHotRemoveEnabled(false);
        config.setFirmware("bios");
        return config;
    }

    static ResourceAllocationInfo allocation(long normalShares) {
        ResourceAllocationInfo allocation = new ResourceAllocationInfo();
        allocation.setReservation(0L);
        allocation.setExpandableReservation(false);
        allocation.setLimit(-1L);
        SharesInfo shares = new SharesInfo();
        shares.setLevel(SharesLevel.NORMAL);
        shares.setShares((int) normalShares);
        allocation.setShares(shares);
        allocation.setOverheadLimit(-1L);
        return allocation;
    }

    private static VirtualMachineRuntimeInfo runtime(ManagedObject host, VirtualMachinePowerState state) {
        VirtualMachineRuntimeInfo runtime = new VirtualMachineRuntimeInfo();
        runtime.setHost(host.ref());
        runtime.setConnectionState(VirtualMachineConnectionState.CONNECTED);
        runtime.setPowerState(state);
        runtime.setToolsInstallerMounted(false);
        runtime.setNumMksConnections(0);
        runtime.setMaxCpuUsage(2400);
        runtime.setMaxMemoryUsage(1024);
        if (state == VirtualMachinePowerState.POWERED_ON) {
            runtime.setBootTime(Xml.dateTime(Instant.now()));
        }
        return runtime;
    }

    private static VirtualMachineSummary summary(ManagedObject vm) {
        VirtualMachineConfigInfo config = vm.require("config", VirtualMachineConfigInfo.class);
        VirtualMachineRuntimeInfo runtime = vm.require("runtime", VirtualMachineRuntimeInfo.class);
        GuestInfo guest = vm.require("guest", GuestInfo.class);
        VirtualMachineSummary summary = new VirtualMachineSummary();
        summary.setVm(vm.ref());
        summary.setRuntime(runtime);
        VirtualMachineGuestSummary guestSummary = new VirtualMachineGuestSummary();
        guestSummary.setGuestId(guest.getGuestId());
        guestSummary.setGuestFullName(guest.getGuestFullName());
        guestSummary.setToolsStatus(guest.getToolsStatus());
        guestSummary.setToolsRunningStatus(guest.getToolsRunningStatus());
        guestSummary.setHostName(guest.getHostName());
        guestSummary.setIpAddress(guest.getIpAddress());
        summary.setGuest(guestSummary);
        VirtualMachineConfigSummary configSummary = new VirtualMachineConfigSummary();
        configSummary.setName(String.valueOf(vm.get("name")));
        configSummary.setTemplate(config.isTemplate());
        configSummary.setVmPathName(config.getFiles().getVmPathName());
        configSummary.setMemorySizeMB(config.getHardware().getMemoryMB());
        configSummary.setNumCpu(config.getHardware().getNumCPU());
        configSummary.setNumEthernetCards(1);
        configSummary.setNumVirtualDisks(1);
        configSummary.setUuid(config.getUuid());
        configSummary.setInstanceUuid(config.getInstanceUuid());
        configSummary.setGuestId(config.getGuestId());
        configSummary.setGuestFullName(config.getGuestFullName());
        configSummary.setAnnotation(config.getAnnotation());
        summary.setConfig(configSummary);
        VirtualMachineQuickStats quickStats = new VirtualMachineQuickStats();
        boolean on = runtime.getPowerState() == VirtualMachinePowerState.POWERED_ON;
        quickStats.setOverallCpuUsage(on ? 24 : 0);
        quickStats.setGuestMemoryUsage(on ? config.getHardware().getMemoryMB() / 4 : 0);
        quickStats.setHostMemoryUsage(on ? config.getHardware().getMemoryMB() / 2 : 0);
        quickStats.setUptimeSeconds(on ? 3600 : 0);
        quickStats.setBalloonedMemory(0);   // ESX reports 0 when the balloon driver holds nothing
        quickStats.setSwappedMemory(0);
        summary.setQuickStats(quickStats);
        summary.setOverallStatus(ManagedEntityStatus.GREEN);
        return summary;
    }

    private static String guestFullName(String guestId) {
        return switch (guestId) {
            case "otherLinux64Guest" -> "Other Linux (64-bit)";
            case "ubuntu64Guest" -> "Ubuntu Linux (64-bit)";
            case "windows9_64Guest" -> "Microsoft Windows 10 (64-bit)";
            default -> "Other (32-bit)";
        };
    }
}
