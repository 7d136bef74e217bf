package io.jvirt.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.vim25.ArrayOfHostDatastoreBrowserSearchResults;
import io.jvirt.vim25.AutoStartDefaults;
import io.jvirt.vim25.AutoStartPowerInfo;
import io.jvirt.vim25.AutoStartWaitHeartbeatSetting;
import io.jvirt.vim25.FileBackedVirtualDiskSpec;
import io.jvirt.vim25.FileQueryFlags;
import io.jvirt.vim25.HostAutoStartManagerConfig;
import io.jvirt.vim25.HostConfigManager;
import io.jvirt.vim25.HostDatastoreBrowserSearchResults;
import io.jvirt.vim25.HostDatastoreBrowserSearchSpec;
import io.jvirt.vim25.HostNetworkInfo;
import io.jvirt.vim25.HostPortGroupSpec;
import io.jvirt.vim25.HostVirtualSwitchSpec;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.NotFoundFaultMsg;
import io.jvirt.vim25.ResourceAllocationInfo;
import io.jvirt.vim25.SharesInfo;
import io.jvirt.vim25.SharesLevel;
import io.jvirt.vim25.TaskInfo;
import io.jvirt.vim25.TaskInfoState;
import io.jvirt.vim25.VimService;
import io.jvirt.vim25.VirtualMachineConfigInfo;
import io.jvirt.vim25.VirtualMachineConfigSpec;
import io.jvirt.vim25.VirtualMachineSnapshotInfo;
import io.jvirt.vim25.VmDiskFileInfo;
import io.jvirt.vim25.VmDiskFileQuery;
import io.jvirt.vim25.VmDiskFileQueryFlags;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorOperationsTest {

    private static VimService service;

    @BeforeAll
    static void createService() {
        service = new VimService();
    }

    @Test
    void uploadedVmxCanBeRegisteredAndUnregistered() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().vms(1).build().start()) {
            CookieManager cookies = new CookieManager();
            SimulatorClient client = clientWithCookies(sim, cookies).login(sim);
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
            URI dir = sim.baseUrl().resolve("/folder/newvm%2Fnewvm.vmx?dcPath=ha-datacenter&dsName=LocalDS_0");
            String vmx = "displayName = \"newvm\"\nmemsize = \"512\"\nnumvcpus = \"2\"\n"
                    + "uuid.bios = \"42 1c 2d 3e 4f 50 61 72-83 94 a5 b6 c7 d8 e9 fa\"\nguestOS = \"ubuntu-64\"\n";
            HttpRequest put = HttpRequest.newBuilder(dir).PUT(HttpRequest.BodyPublishers.ofString(vmx)).build();
            assertEquals(404, http.send(put, HttpResponse.BodyHandlers.ofString()).statusCode(), "directory does not exist yet");

            client.port.makeDirectory(client.content.getFileManager(), "[LocalDS_0] newvm", null, false);
            assertEquals(201, http.send(put, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(vmx, new String(sim.datastoreFile("LocalDS_0", "newvm/newvm.vmx").orElseThrow(), StandardCharsets.UTF_8));

            ManagedObjectReference vmFolder = Refs.of("Folder", "ha-folder-vm");
            TaskInfo registered = client.waitForTask(client.port.registerVMTask(vmFolder, "[LocalDS_0] newvm/newvm.vmx", null, false,
                    Refs.of("ResourcePool", "ha-root-pool"), Refs.of("HostSystem", "ha-host")));
            assertEquals(TaskInfoState.SUCCESS, registered.getState(), String.valueOf(registered.getError()));
            ManagedObjectReference vm = (ManagedObjectReference) registered.getResult();
            VirtualMachineConfigInfo config = (VirtualMachineConfigInfo) client.read(vm, "config").get("config");
            assertEquals("421c2d3e-4f50-6172-8394-a5b6c7d8e9fa", config.getUuid());
            assertEquals(512, config.getHardware().getMemoryMB());
            assertEquals(vm.getValue(), client.port.findByUuid(client.content.getSearchIndex(), null,
                    "421c2d3e-4f50-6172-8394-a5b6c7d8e9fa", true, null).getValue());

            client.port.unregisterVM(vm);
            assertNull(client.port.findByUuid(client.content.getSearchIndex(), null, config.getUuid(), true, null));
            assertTrue(sim.datastoreFile("LocalDS_0", "newvm/newvm.vmx").isPresent(), "unregister keeps the files");
            assertEquals(2, sim.requestCount("PUT /folder"));
        }
    }

    @Test
    void fileServiceRequiresASession() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().build().start()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sim.baseUrl()
                    .resolve("/folder/ha-host_VM0%2Fha-host_VM0.vmx?dcPath=ha-datacenter&dsName=LocalDS_0")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, response.statusCode());
        }
    }

    @Test
    void reconfigureMergesAllocationAndRewritesTheVmx() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().vms(2).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference vm = client.vmByName("ha-host_VM1");
            VirtualMachineConfigSpec spec = new VirtualMachineConfigSpec();
            spec.setMemoryMB(256L);
            ResourceAllocationInfo cpu = new ResourceAllocationInfo();
            SharesInfo shares = new SharesInfo();
            shares.setLevel(SharesLevel.HIGH);
            shares.setShares(-1);
            cpu.setShares(shares);
            spec.setCpuAllocation(cpu);
            assertEquals(TaskInfoState.SUCCESS, client.waitForTask(client.port.reconfigVMTask(vm, spec)).getState());
            VirtualMachineConfigInfo config = (VirtualMachineConfigInfo) client.read(vm, "config").get("config");
            assertEquals(256, config.getHardware().getMemoryMB());
            assertEquals(SharesLevel.HIGH, config.getCpuAllocation().getShares().getLevel());
            assertEquals(-1L, config.getCpuAllocation().getLimit(), "unchanged fields stay");
            String vmx = new String(sim.datastoreFile("LocalDS_0", "ha-host_VM1/ha-host_VM1.vmx").orElseThrow(), StandardCharsets.UTF_8);
            assertTrue(vmx.contains("memsize = \"256\""), vmx);
        }
    }

    @Test
    void snapshotTreeCreateRevertRemove() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().vms(1).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference vm = client.vmByName("ha-host_VM0");
            TaskInfo first = client.waitForTask(client.port.createSnapshotTask(vm, "s1", "first", true, false));
            ManagedObjectReference s1 = (ManagedObjectReference) first.getResult();
            client.waitForTask(client.port.createSnapshotTask(vm, "s2", "second", false, false));
            VirtualMachineSnapshotInfo info = (VirtualMachineSnapshotInfo) client.read(vm, "snapshot").get("snapshot");
            assertEquals("s1", info.getRootSnapshotList().get(0).getName());
            assertEquals("s2", info.getRootSnapshotList().get(0).getChildSnapshotList().get(0).getName());

            client.port.powerOffVMTask(vm);
            assertEquals(TaskInfoState.SUCCESS, client.waitForTask(client.port.revertToSnapshotTask(s1, null, null)).getState());
            assertEquals("poweredOn", sim.powerState("ha-host_VM0"), "s1 was taken with memory while powered on");
            info = (VirtualMachineSnapshotInfo) client.read(vm, "snapshot").get("snapshot");
            assertEquals(s1.getValue(), info.getCurrentSnapshot().getValue());

            assertEquals(TaskInfoState.SUCCESS, client.waitForTask(client.port.removeSnapshotTask(s1, false, null)).getState());
            info = (VirtualMachineSnapshotInfo) client.read(vm, "snapshot").get("snapshot");
            assertEquals("s2", info.getRootSnapshotList().get(0).getName(), "the child moves up");
        }
    }

    @Test
    void virtualDisksAndDatastoreBrowser() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().vms(1).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference disks = client.content.getVirtualDiskManager();
            FileBackedVirtualDiskSpec spec = new FileBackedVirtualDiskSpec();
            spec.setDiskType("thin");
            spec.setAdapterType("lsiLogic");
            spec.setCapacityKb(1024 * 1024);
            client.port.makeDirectory(client.content.getFileManager(), "[LocalDS_0] vols", null, true);
            assertEquals(TaskInfoState.SUCCESS,
                    client.waitForTask(client.port.createVirtualDiskTask(disks, "[LocalDS_0] vols/a.vmdk", null, spec)).getState());
            assertEquals(TaskInfoState.ERROR,
                    client.waitForTask(client.port.createVirtualDiskTask(disks, "[LocalDS_0] vols/a.vmdk", null, spec)).getState());
            assertEquals(TaskInfoState.SUCCESS, client.waitForTask(client.port.copyVirtualDiskTask(disks, "[LocalDS_0] vols/a.vmdk",
                    null, "[LocalDS_0] vols/b.vmdk", null, null, false)).getState());
            String uuid = client.port.queryVirtualDiskUuid(disks, "[LocalDS_0] vols/a.vmdk", null);
            assertTrue(uuid.matches("([0-9a-f]{2} ){7}[0-9a-f]{2}-([0-9a-f]{2} ){7}[0-9a-f]{2}"), uuid);
            client.waitForTask(client.port.zeroFillVirtualDiskTask(disks, "[LocalDS_0] vols/b.vmdk", null));
            assertEquals(1, sim.zeroFillCount());

            ManagedObjectReference browser = (ManagedObjectReference) client.read(Refs.of("Datastore",
                    datastoreId(client)), "browser").get("browser");
            HostDatastoreBrowserSearchSpec search = new HostDatastoreBrowserSearchSpec();
            VmDiskFileQuery diskQuery = new VmDiskFileQuery();
            VmDiskFileQueryFlags diskFlags = new VmDiskFileQueryFlags();
            diskFlags.setCapacityKb(true);
            diskQuery.setDetails(diskFlags);
            search.getQuery().add(diskQuery);
            FileQueryFlags details = new FileQueryFlags();
            details.setFileSize(true);
            details.setFileType(true);
            search.setDetails(details);
            TaskInfo result = client.waitForTask(client.port.searchDatastoreSubFoldersTask(browser, "[LocalDS_0]", search));
            ArrayOfHostDatastoreBrowserSearchResults all = assertInstanceOf(ArrayOfHostDatastoreBrowserSearchResults.class,
                    result.getResult());
            HostDatastoreBrowserSearchResults vols = all.getHostDatastoreBrowserSearchResults().stream()
                    .filter(r -> r.getFolderPath().equals("[LocalDS_0] vols/")).findFirst().orElseThrow();
            assertEquals(List.of("a.vmdk", "b.vmdk"), vols.getFile().stream().map(f -> f.getPath()).sorted().toList());
            assertEquals(1024L * 1024, ((VmDiskFileInfo) vols.getFile().get(0)).getCapacityKb());

            assertEquals(TaskInfoState.SUCCESS,
                    client.waitForTask(client.port.deleteVirtualDiskTask(disks, "[LocalDS_0] vols/a.vmdk", null)).getState());
            assertFalse(sim.datastoreFile("LocalDS_0", "vols/a-flat.vmdk").isPresent());
        }
    }

    @Test
    void searchWithMatchPatternFindsOneFile() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().vms(1).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference browser = (ManagedObjectReference) client.read(Refs.of("Datastore", datastoreId(client)),
                    "browser").get("browser");
            HostDatastoreBrowserSearchSpec search = new HostDatastoreBrowserSearchSpec();
            search.getMatchPattern().add("ha-host_VM0.vmdk");
            search.getQuery().add(new VmDiskFileQuery());
            search.getQuery().add(new io.jvirt.vim25.IsoImageFileQuery());
            TaskInfo found = client.waitForTask(client.port.searchDatastoreTask(browser, "[LocalDS_0] ha-host_VM0", search));
            HostDatastoreBrowserSearchResults results = (HostDatastoreBrowserSearchResults) found.getResult();
            assertEquals("[LocalDS_0] ha-host_VM0/", results.getFolderPath());
            assertEquals(1, results.getFile().size());
            assertInstanceOf(VmDiskFileInfo.class, results.getFile().get(0));

            TaskInfo missing = client.waitForTask(client.port.searchDatastoreTask(browser, "[LocalDS_0] nowhere", search));
            assertEquals("FileNotFound", missing.getError().getFault().getClass().getSimpleName());
        }
    }

    @Test
    void virtualSwitchAndPortGroupLifecycle() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference host = Refs.of("HostSystem", "ha-host");
            ManagedObjectReference networkSystem = ((HostConfigManager) client.read(host, "configManager").get("configManager"))
                    .getNetworkSystem();
            HostVirtualSwitchSpec spec = new HostVirtualSwitchSpec();
            spec.setNumPorts(128);
            client.port.addVirtualSwitch(networkSystem, "vSwitch1", spec);
            HostPortGroupSpec group = new HostPortGroupSpec();
            group.setName("lab");
            group.setVswitchName("vSwitch1");
            group.setPolicy(new io.jvirt.vim25.HostNetworkPolicy());
            client.port.addPortGroup(networkSystem, group);
            HostNetworkInfo network = (HostNetworkInfo) client.read(host, "config.network").get("config.network");
            assertTrue(network.getVswitch().stream().anyMatch(v -> v.getName().equals("vSwitch1")
                    && v.getPortgroup().contains("key-vim.host.PortGroup-lab")));
            assertEquals("lab", client.read(Refs.of("Network", "HaNetwork-lab"), "name").get("name"));

            client.port.removeVirtualSwitch(networkSystem, "vSwitch1");
            assertThrows(NotFoundFaultMsg.class, () -> client.port.removePortGroup(networkSystem, "lab"));
        }
    }

    @Test
    void autostartConfigurationIsMerged() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().vms(1).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference manager = ((HostConfigManager) client.read(Refs.of("HostSystem", "ha-host"), "configManager")
                    .get("configManager")).getAutoStartManager();
            ManagedObjectReference vm = client.vmByName("ha-host_VM0");
            HostAutoStartManagerConfig spec = new HostAutoStartManagerConfig();
            AutoStartDefaults defaults = new AutoStartDefaults();
            defaults.setEnabled(true);
            spec.setDefaults(defaults);
            AutoStartPowerInfo power = new AutoStartPowerInfo();
            power.setKey(vm);
            power.setStartOrder(-1);
            power.setStartDelay(-1);
            power.setWaitForHeartbeat(AutoStartWaitHeartbeatSetting.SYSTEM_DEFAULT);
            power.setStartAction("powerOn");
            power.setStopDelay(-1);
            power.setStopAction("none");
            spec.getPowerInfo().add(power);
            client.port.reconfigureAutostart(manager, spec);
            HostAutoStartManagerConfig config = (HostAutoStartManagerConfig) client.read(manager, "config").get("config");
            assertEquals(Boolean.TRUE, config.getDefaults().isEnabled());
            assertEquals(120, config.getDefaults().getStartDelay(), "unspecified defaults stay");
            assertEquals("powerOn", config.getPowerInfo().get(0).getStartAction());
        }
    }

    @Test
    void slowTasksReportProgressAndCanBeCancelled() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().vms(2).taskDuration(Duration.ofSeconds(2)).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference task = client.port.powerOnVMTask(client.vmByName("ha-host_VM1"), null);
            Integer progress = null;
            for (int i = 0; i < 100 && (progress == null || progress == 0); i++) {
                progress = ((TaskInfo) client.read(task, "info").get("info")).getProgress();
                Thread.sleep(20);
            }
            assertNotNull(progress);
            assertTrue(progress > 0 && progress < 100, "progress " + progress);
            client.port.cancelTask(task);
            TaskInfo done = client.waitForTask(task);
            assertEquals(TaskInfoState.ERROR, done.getState());
            assertEquals("RequestCanceled", done.getError().getFault().getClass().getSimpleName());
            assertEquals("poweredOff", sim.powerState("ha-host_VM1"));
        }
    }

    @Test
    void waitForUpdatesReportsTaskStateChanges() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().vms(2).taskDuration(Duration.ofMillis(400)).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference task = client.port.powerOnVMTask(client.vmByName("ha-host_VM1"), null);
            io.jvirt.vim25.PropertySpec props = new io.jvirt.vim25.PropertySpec();
            props.setType("Task");
            props.getPathSet().add("info.state");
            io.jvirt.vim25.ObjectSpec objects = new io.jvirt.vim25.ObjectSpec();
            objects.setObj(task);
            objects.setSkip(false);
            io.jvirt.vim25.PropertyFilterSpec spec = new io.jvirt.vim25.PropertyFilterSpec();
            spec.getPropSet().add(props);
            spec.getObjectSet().add(objects);
            ManagedObjectReference filter = client.port.createFilter(client.content.getPropertyCollector(), spec, true);
            String version = "";
            Object state = null;
            for (int i = 0; i < 20 && state != TaskInfoState.SUCCESS; i++) {
                io.jvirt.vim25.UpdateSet updates = client.port.waitForUpdatesEx(client.content.getPropertyCollector(), version, null);
                version = updates.getVersion();
                for (io.jvirt.vim25.PropertyFilterUpdate update : updates.getFilterSet()) {
                    for (io.jvirt.vim25.ObjectUpdate object : update.getObjectSet()) {
                        for (io.jvirt.vim25.PropertyChange change : object.getChangeSet()) {
                            state = change.getVal();
                        }
                    }
                }
            }
            assertEquals(TaskInfoState.SUCCESS, state);
            client.port.destroyPropertyFilter(filter);
        }
    }

    private static String datastoreId(SimulatorClient client) throws Exception {
        io.jvirt.vim25.ArrayOfManagedObjectReference datastores = (io.jvirt.vim25.ArrayOfManagedObjectReference)
                client.read(Refs.of("HostSystem", "ha-host"), "datastore").get("datastore");
        for (ManagedObjectReference ds : datastores.getManagedObjectReference()) {
            if ("LocalDS_0".equals(client.read(ds, "name").get("name"))) {
                return ds.getValue();
            }
        }
        throw new AssertionError("no LocalDS_0");
    }

    private static SimulatorClient clientWithCookies(VsphereSimulator sim, CookieManager cookies) throws Exception {
        return new SimulatorClient(service, sim, null, cookies);
    }
}
