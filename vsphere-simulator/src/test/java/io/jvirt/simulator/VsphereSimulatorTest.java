package io.jvirt.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.vim25.AboutInfo;
import io.jvirt.vim25.ArrayOfHostCpuIdInfo;
import io.jvirt.vim25.ArrayOfManagedObjectReference;
import io.jvirt.vim25.InvalidLoginFaultMsg;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ObjectContent;
import io.jvirt.vim25.ObjectSpec;
import io.jvirt.vim25.PropertyFilterSpec;
import io.jvirt.vim25.PropertySpec;
import io.jvirt.vim25.RetrieveOptions;
import io.jvirt.vim25.RetrieveResult;
import io.jvirt.vim25.TaskInfo;
import io.jvirt.vim25.TaskInfoState;
import io.jvirt.vim25.TraversalSpec;
import io.jvirt.vim25.VimService;
import io.jvirt.vim25.VirtualMachinePowerState;
import io.jvirt.vim25.VirtualMachineQuestionInfo;
import io.jvirt.vim25.VirtualMachineRuntimeInfo;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VsphereSimulatorTest {

    private static VimService service;

    @BeforeAll
    static void createService() {
        service = new VimService();
    }

    @Test
    void esxLoginAndHostPropertiesArriveTyped() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(2).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null);
            AboutInfo about = client.content.getAbout();
            assertEquals("HostAgent", about.getApiType());
            assertEquals("embeddedEsx", about.getProductLineId());

            assertThrows(InvalidLoginFaultMsg.class,
                    () -> client.port.login(client.content.getSessionManager(), "root", "wrong", null));
            client.login(sim);

            ManagedObjectReference host = Refs.of("HostSystem", "ha-host");
            Map<String, Object> values = client.read(host, "name", "hardware.cpuFeature", "summary.hardware.cpuModel",
                    "runtime.inMaintenanceMode", "config.network.dnsConfig.hostName", "no.such.property");
            assertEquals("localhost.localdomain", values.get("name"));
            ArrayOfHostCpuIdInfo cpuid = assertInstanceOf(ArrayOfHostCpuIdInfo.class, values.get("hardware.cpuFeature"));
            assertTrue(cpuid.getHostCpuIdInfo().stream().anyMatch(c -> c.getLevel() == 0x80000001));
            assertEquals(Boolean.FALSE, values.get("runtime.inMaintenanceMode"));
            assertEquals("localhost", values.get("config.network.dnsConfig.hostName"));
            assertFalse(values.containsKey("no.such.property"));
            assertNull(client.read(host, "summary.managementServerIp").get("summary.managementServerIp"));
            sim.setManagementServerIp("localhost.localdomain", "127.0.0.1");
            assertEquals("127.0.0.1", client.read(host, "summary.managementServerIp").get("summary.managementServerIp"));

            java.net.http.HttpResponse<String> versions = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(sim.baseUrl().resolve("/sdk/vimServiceVersions.xml")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertTrue(versions.body().contains("<name>urn:vim25</name>"), versions.body());
        }
    }

    @Test
    void unknownPropertyIsReportedInMissingSet() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            PropertySpec props = new PropertySpec();
            props.setType("HostSystem");
            props.getPathSet().add("bogus");
            ObjectSpec objects = new ObjectSpec();
            objects.setObj(Refs.of("HostSystem", "ha-host"));
            PropertyFilterSpec spec = new PropertyFilterSpec();
            spec.getPropSet().add(props);
            spec.getObjectSet().add(objects);
            ObjectContent content = client.port.retrieveProperties(client.content.getPropertyCollector(), List.of(spec)).get(0);
            assertEquals("bogus", content.getMissingSet().get(0).getPath());
        }
    }

    @Test
    void containerViewResultsArePagedWithTokens() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.VPX).vms(3).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference view = client.port.createContainerView(client.content.getViewManager(),
                    client.content.getRootFolder(), List.of("VirtualMachine"), true);
            TraversalSpec viewTraversal = new TraversalSpec();
            viewTraversal.setName("view");
            viewTraversal.setType("ContainerView");
            viewTraversal.setPath("view");
            viewTraversal.setSkip(false);
            ObjectSpec objects = new ObjectSpec();
            objects.setObj(view);
            objects.setSkip(true);
            objects.getSelectSet().add(viewTraversal);
            PropertySpec props = new PropertySpec();
            props.setType("VirtualMachine");
            props.getPathSet().add("name");
            PropertyFilterSpec spec = new PropertyFilterSpec();
            spec.getPropSet().add(props);
            spec.getObjectSet().add(objects);
            RetrieveOptions options = new RetrieveOptions();
            options.setMaxObjects(2);
            sim.resetRequestCounts();

            List<String> names = new ArrayList<>();
            RetrieveResult page = client.port.retrievePropertiesEx(client.content.getPropertyCollector(), List.of(spec), options);
            while (true) {
                page.getObjects().forEach(o -> names.add((String) o.getPropSet().get(0).getVal()));
                assertTrue(page.getObjects().size() <= 2);
                if (page.getToken() == null) {
                    break;
                }
                page = client.port.continueRetrievePropertiesEx(client.content.getPropertyCollector(), page.getToken());
            }
            client.port.destroyView(view);

            assertEquals(6, names.size());
            assertTrue(names.contains("DC0_H0_VM0") && names.contains("DC0_C0_RP0_VM2"), names.toString());
            assertEquals(1, sim.requestCount("RetrievePropertiesEx"));
            assertEquals(2, sim.requestCount("ContinueRetrievePropertiesEx"));
        }
    }

    @Test
    void hostToVmTraversalListsTheHostsVms() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().vms(3).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            TraversalSpec hostToVm = new TraversalSpec();
            hostToVm.setName("hostSystemToVm");
            hostToVm.setType("HostSystem");
            hostToVm.setPath("vm");
            hostToVm.setSkip(false);
            ObjectSpec objects = new ObjectSpec();
            objects.setObj(Refs.of("HostSystem", "ha-host"));
            objects.setSkip(false);
            objects.getSelectSet().add(hostToVm);
            PropertySpec props = new PropertySpec();
            props.setType("VirtualMachine");
            props.getPathSet().addAll(List.of("name", "runtime.powerState", "config.hardware.memoryMB"));
            PropertyFilterSpec spec = new PropertyFilterSpec();
            spec.getPropSet().add(props);
            spec.getObjectSet().add(objects);
            List<ObjectContent> vms = client.port.retrieveProperties(client.content.getPropertyCollector(), List.of(spec));
            assertEquals(3, vms.size());
            assertTrue(vms.stream().allMatch(o -> o.getObj().getType().equals("VirtualMachine")));
            assertInstanceOf(VirtualMachinePowerState.class, vms.get(0).getPropSet().get(1).getVal());
        }
    }

    @Test
    void powerTasksChangeStateAndInvalidStatesFailTheTask() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().vms(2).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference vm = client.vmByName("ha-host_VM1");
            assertEquals("poweredOff", sim.powerState("ha-host_VM1"));

            TaskInfo on = client.waitForTask(client.port.powerOnVMTask(vm, null));
            assertEquals(TaskInfoState.SUCCESS, on.getState());
            assertEquals("poweredOn", sim.powerState("ha-host_VM1"));
            assertInstanceOf(javax.xml.datatype.XMLGregorianCalendar.class, client.read(vm, "runtime.bootTime").get("runtime.bootTime"));
            assertEquals("poweredOn", ((VirtualMachineRuntimeInfo) client.read(vm, "runtime").get("runtime")).getPowerState().value());

            TaskInfo again = client.waitForTask(client.port.powerOnVMTask(vm, null));
            assertEquals(TaskInfoState.ERROR, again.getState());
            assertEquals("InvalidPowerState", again.getError().getFault().getClass().getSimpleName());
        }
    }

    /** Polls the VM's runtime (up to about 2 s) until its pending question shows, and asserts there is one. */
    private static VirtualMachineQuestionInfo awaitQuestion(SimulatorClient client, ManagedObjectReference vm)
            throws Exception {
        VirtualMachineQuestionInfo question = null;
        for (int i = 0; i < 200 && question == null; i++) {
            question = ((VirtualMachineRuntimeInfo) client.read(vm, "runtime").get("runtime")).getQuestion();
            Thread.sleep(10);
        }
        assertNotNull(question);
        return question;
    }

    @Test
    void armedQuestionBlocksTheNextTaskUntilAnswered() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().vms(2).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference vm = client.vmByName("ha-host_VM1");
            sim.raiseQuestionOnNextTask("ha-host_VM1", VmQuestion.movedOrCopied());
            ManagedObjectReference task = client.port.powerOnVMTask(vm, null);

            VirtualMachineQuestionInfo question = awaitQuestion(client, vm);
            TaskInfo blocked = (TaskInfo) client.read(task, "info").get("info");
            assertEquals(TaskInfoState.RUNNING, blocked.getState());

            String defaultKey = question.getChoice().getChoiceInfo().get(question.getChoice().getDefaultIndex()).getKey();
            client.port.answerVM(vm, question.getId(), defaultKey);
            assertEquals(TaskInfoState.SUCCESS, client.waitForTask(task).getState());
            assertEquals("2", sim.lastAnswer("ha-host_VM1").orElseThrow());
            assertNull(((VirtualMachineRuntimeInfo) client.read(vm, "runtime").get("runtime")).getQuestion());
        }
    }

    @Test
    void answeringCancelFailsTheBlockedTask() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().vms(2).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference vm = client.vmByName("ha-host_VM1");
            sim.raiseQuestionOnNextTask("ha-host_VM1", VmQuestion.movedOrCopied());
            ManagedObjectReference task = client.port.powerOnVMTask(vm, null);
            VirtualMachineQuestionInfo question = awaitQuestion(client, vm);
            client.port.answerVM(vm, question.getId(), "0");
            TaskInfo done = client.waitForTask(task);
            assertEquals(TaskInfoState.ERROR, done.getState());
            assertEquals("poweredOff", sim.powerState("ha-host_VM1"));
        }
    }

    @Test
    void nestedFoldersGiveAFolderQualifiedInventoryPath() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.VPX).nestedFolders(true).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference host = client.port.findByInventoryPath(client.content.getSearchIndex(), "F0/DC1/host/F1/DC1_H0/DC1_H0");
            assertEquals("HostSystem", host.getType());
            TraversalSpec children = new TraversalSpec();
            children.setName("folderToChildEntity");
            children.setType("Folder");
            children.setPath("childEntity");
            children.setSkip(false);
            ObjectSpec objects = new ObjectSpec();
            objects.setObj(client.content.getRootFolder());
            objects.setSkip(false);
            objects.getSelectSet().add(children);
            PropertySpec folders = new PropertySpec();
            folders.setType("Folder");
            folders.getPathSet().add("name");
            PropertySpec datacenters = new PropertySpec();
            datacenters.setType("Datacenter");
            datacenters.getPathSet().addAll(List.of("name", "hostFolder", "vmFolder"));
            PropertyFilterSpec spec = new PropertyFilterSpec();
            spec.getPropSet().addAll(List.of(folders, datacenters));
            spec.getObjectSet().add(objects);
            List<String> names = client.port.retrieveProperties(client.content.getPropertyCollector(), List.of(spec)).stream()
                    .map(o -> (String) o.getPropSet().get(0).getVal()).toList();
            assertEquals(List.of("Datacenters", "DC0", "F0"), names, "one level only, root included");
        }
    }

    @Test
    void expiredSessionsAreNotAuthenticatedUntilLoginAgain() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference sessionManager = client.content.getSessionManager();
            assertNotNull(client.read(sessionManager, "currentSession").get("currentSession"));

            sim.expireSessions();
            SOAPFaultException fault = assertThrows(SOAPFaultException.class,
                    () -> client.read(Refs.of("HostSystem", "ha-host"), "name"));
            assertTrue(fault.getFault().getDetail().getFirstChild().getLocalName().equals("NotAuthenticatedFault"));
            assertNull(client.read(sessionManager, "currentSession").get("currentSession"));

            client.login(sim);
            assertEquals("localhost.localdomain", client.read(Refs.of("HostSystem", "ha-host"), "name").get("name"));
        }
    }

    @Test
    void injectedFaultsHitOnlyTheNamedMethod() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            ManagedObjectReference host = Refs.of("HostSystem", "ha-host");
            sim.faults().httpStatus("RetrieveProperties", 503);
            assertThrows(WebServiceException.class, () -> client.read(host, "name"));
            assertEquals("localhost.localdomain", client.read(host, "name").get("name"));

            sim.faults().soapFault("RetrieveProperties", new io.jvirt.vim25.SystemError(), "injected");
            SOAPFaultException soap = assertThrows(SOAPFaultException.class, () -> client.read(host, "name"));
            assertEquals("injected", soap.getFault().getFaultString());

            sim.faults().malformedResponse("RetrieveProperties");
            assertThrows(WebServiceException.class, () -> client.read(host, "name"));

            // HttpURLConnection silently retries a POST once on a dropped connection: drop both tries.
            sim.resetRequestCounts();
            sim.faults().closeConnection("RetrieveProperties", 2);
            assertThrows(WebServiceException.class, () -> client.read(host, "name"));
            assertEquals(2, sim.requestCount("RetrieveProperties"));
            assertEquals("localhost.localdomain", client.read(host, "name").get("name"));
        }
    }

    @Test
    void screenshotsNeedBasicCredentialsAndAPoweredOnVm() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().vms(2).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            String on = client.vmByName("ha-host_VM0").getValue();
            String off = client.vmByName("ha-host_VM1").getValue();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("root:" + sim.password()).getBytes());
            java.util.function.BiFunction<String, String, Integer> status = (id, auth) -> {
                try {
                    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                            sim.baseUrl().resolve("/screen?id=" + id));
                    if (auth != null) {
                        request.header("Authorization", auth);
                    }
                    return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            assertEquals(200, status.apply(on, basic));
            assertEquals(404, status.apply(off, basic));
            assertEquals(401, status.apply(on, null));
            assertEquals(3, sim.requestCount("GET /screen"));
        }
    }

    @Test
    void vcenterModelHasClusterStandaloneHostAndVms() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.VPX).vms(1).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, null).login(sim);
            assertEquals("VirtualCenter", client.content.getAbout().getApiType());
            ManagedObjectReference cluster = client.port.findByInventoryPath(client.content.getSearchIndex(), "DC0/host/DC0_C0");
            assertEquals("ClusterComputeResource", cluster.getType());
            ArrayOfManagedObjectReference hosts = (ArrayOfManagedObjectReference) client.read(cluster, "host").get("host");
            assertEquals(2, hosts.getManagedObjectReference().size());
            ManagedObjectReference byIp = client.port.findByIp(client.content.getSearchIndex(), null, "127.0.0.1", false);
            assertEquals("DC0_H0", client.read(byIp, "name").get("name"));
        }
    }
}
