package io.jvirt.esx.faults;

import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.esx.testing.ThreadCensus;
import io.jvirt.fixtures.faults.FaultProxy;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.vim25.InvalidState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 9, "prove it" 3: faults between the driver and the server, injected by a TCP proxy
 * ({@link FaultProxy}) and by the in-JVM simulator. Every one must end the operation with a clear
 * {@link HypervisorException} (naming the host, no Java exception text) within the configured
 * timeouts, leave no thread and no socket behind, and leave no half-done state on the server.
 */
class FaultToleranceTest {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    /** Scheduling slack on a loaded 2-core machine, on top of the configured timeout. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    private VsphereSimulator sim;
    private FaultProxy proxy;
    private ThreadCensus census;

    @BeforeEach
    void start() throws Exception {
        sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(2).build().start();
        proxy = FaultProxy.start(sim.port());
        // one connection first, so that lazily started JDK and Metro threads are in the census
        try (Connection warm = open()) {
            warm.listAllDomains();
        }
        census = ThreadCensus.take();
    }

    @AfterEach
    void stop() {
        proxy.close();
        sim.close();
    }

    private Map<String, Object> env() {
        return Map.of(EsxOptions.CONNECT_TIMEOUT, CONNECT_TIMEOUT, EsxOptions.REQUEST_TIMEOUT, REQUEST_TIMEOUT,
                EsxOptions.KEEPALIVE_INTERVAL, Duration.ZERO);
    }

    private Connection open() {
        return open(proxy.port());
    }

    private Connection open(int port) {
        return ConnectionFactory.open("esx://127.0.0.1:" + port + "/?transport=http",
                Authenticator.fixed(sim.username(), sim.password().toCharArray()), env());
    }

    /** The operation fails with a HypervisorException within {@code bound}, and says so clearly. */
    private static HypervisorException failsClearly(Duration bound, Executable op) {
        long start = System.nanoTime();
        HypervisorException e = assertThrows(HypervisorException.class, op);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(bound) <= 0, "took " + took.toMillis() + " ms, bound " + bound.toMillis() + " ms: " + e);
        String m = e.getMessage();
        assertFalse(m == null || m.isBlank(), "no message");
        assertTrue(m.contains("127.0.0.1"), "the message names the server: " + m);
        assertFalse(m.matches("(?s).*\\b(java|javax|jakarta|com\\.sun)\\.[a-z]+\\..*"), "Java class names in: " + m);
        assertFalse(m.contains("Exception"), "exception text in: " + m);
        assertFalse(m.contains("\tat "), "a stack trace in: " + m);
        return e;
    }

    /** After the connection is closed: no thread of ours and no socket through the proxy is left. */
    private void nothingLeaks() throws InterruptedException {
        assertEquals(List.of(), census.extraThreads(Duration.ofSeconds(5), "fault-proxy", "vsphere-sim"), "threads left behind");
        // idle HTTP connections sit in the JDK's keep-alive cache for at most 5 s after their last use
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (proxy.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, proxy.openConnections(), "sockets still open through the proxy");
    }

    private static Duration requestBound() {
        return REQUEST_TIMEOUT.plus(SLACK);
    }

    @Test
    void refusedConnection() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        failsClearly(CONNECT_TIMEOUT.plus(SLACK), () -> open(closedPort));
        nothingLeaks();
    }

    @Test
    void resetInTheMiddleOfAnAnswer() throws Exception {
        try (Connection c = open()) {
            // twice: the JDK retries a request once when a kept-alive connection fails
            proxy.inject("RetrievePropertiesEx", FaultProxy.Fault.RESET_RESPONSE, 200, 2);
            failsClearly(requestBound(), c::listAllDomains);
            assertTrue(proxy.faultsFired() >= 1);
            proxy.clear();
            assertEquals(2, c.listAllDomains().size(), "the connection works again once the network does");
        }
        nothingLeaks();
    }

    @Test
    void truncatedAnswer() throws Exception {
        try (Connection c = open()) {
            proxy.inject("RetrievePropertiesEx", FaultProxy.Fault.TRUNCATE_RESPONSE, 400, 2);
            failsClearly(requestBound(), c::listAllDomains);
            proxy.clear();
            assertEquals(2, c.listAllDomains().size());
        }
        nothingLeaks();
    }

    /** Found by the soak: the JDK ends a cut fixed-length body quietly, and a short .vmx parsed as a whole one. */
    @Test
    void aDownloadCutOff() throws Exception {
        try (Connection c = open()) {
            Domain vm = c.lookupDomainByName(sim.vmNames().get(0));
            proxy.inject("GET /folder", FaultProxy.Fault.TRUNCATE_RESPONSE, 300, 1);
            HypervisorException e = failsClearly(requestBound(), vm::xmlDesc);
            assertEquals(io.jvirt.spi.error.ErrorCode.RPC_FAILED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("ended after"), e.getMessage());
            assertEquals(1, proxy.faultsFired());
            assertTrue(vm.xmlDesc().contains("<name>" + sim.vmNames().get(0) + "</name>"), "whole again");
        }
        nothingLeaks();
    }

    @Test
    void malformedSoap() throws Exception {
        try (Connection c = open()) {
            sim.faults().malformedResponse("RetrievePropertiesEx", 2);
            failsClearly(requestBound(), c::listAllDomains);
            sim.faults().clear();
            assertEquals(2, c.listAllDomains().size());
        }
        nothingLeaks();
    }

    @Test
    void http500And503() throws Exception {
        try (Connection c = open()) {
            for (int status : new int[] {500, 503}) {
                sim.faults().httpStatus("RetrievePropertiesEx", status, 2);
                HypervisorException e = failsClearly(requestBound(), c::listAllDomains);
                assertTrue(e.getMessage().contains(String.valueOf(status)), "names the HTTP status: " + e.getMessage());
                sim.faults().clear();
            }
            assertEquals(2, c.listAllDomains().size());
        }
        nothingLeaks();
    }

    @Test
    void aServerThatStopsAnswering() throws Exception {
        try (Connection c = open()) {
            proxy.inject("RetrievePropertiesEx", FaultProxy.Fault.STALL, 0, 2);
            HypervisorException e = failsClearly(requestBound(), c::listAllDomains);
            assertEquals(io.jvirt.spi.error.ErrorCode.OPERATION_TIMEOUT, e.code(), e.getMessage());
            proxy.clear();
        }
        nothingLeaks();
    }

    @Test
    void aServerKilledWhileATaskRuns() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection c = open()) {
            Domain vm = c.lookupDomainByName(sim.vmNames().get(0));
            if (vm.currentState().isActive()) {
                vm.destroy();
            }
            sim.setTaskDuration(Duration.ofSeconds(60));
            Future<?> start = caller.submit(() -> {
                vm.create();
                return null;
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sim.requestCount("PowerOnVM_Task") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, sim.requestCount("PowerOnVM_Task"), "the task was started");
            long killedAt = System.nanoTime();
            proxy.kill();
            try {
                start.get(REQUEST_TIMEOUT.plus(CONNECT_TIMEOUT).plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
                fail("the task cannot have finished: the server died");
            } catch (ExecutionException e) {
                HypervisorException he = assertInstanceOf(HypervisorException.class, e.getCause());
                assertTrue(he.getMessage().contains("127.0.0.1"), he.getMessage());
                assertFalse(he.getMessage().contains("Exception"), he.getMessage());
            }
            assertTrue(System.nanoTime() - killedAt < REQUEST_TIMEOUT.plus(CONNECT_TIMEOUT).plus(SLACK).toNanos());
        } catch (HypervisorException closeFailure) {
            fail("close() must not throw when the server is gone: " + closeFailure.getMessage());
        } finally {
            caller.shutdownNow();
            assertTrue(caller.awaitTermination(5, TimeUnit.SECONDS));
        }
        nothingLeaks();
    }

    private String defineXml() {
        return """
                <domain type='vmware'>
                  <name>fault-new</name>
                  <memory unit='MiB'>256</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64'>hvm</type></os>
                  <devices>
                    <disk type='file' device='disk'>
                      <source file='[LocalDS_0] %s/fault-new.vmdk'/>
                      <target dev='sda' bus='scsi'/>
                    </disk>
                    <controller type='scsi' index='0' model='lsilogic'/>
                  </devices>
                </domain>
                """.formatted(sim.vmNames().get(0));
    }

    private void nothingDefined(List<String> vmsBefore) {
        assertEquals(vmsBefore, sim.vmNames(), "no VM registered");
        assertTrue(sim.datastoreFile("LocalDS_0", sim.vmNames().get(0) + "/fault-new.vmx").isEmpty(),
                "no .vmx left on the datastore");
    }

    @Test
    void anUploadCutOff() throws Exception {
        List<String> before = sim.vmNames();
        try (Connection c = open()) {
            // the request line and headers take about 250 bytes: 400 cut the .vmx body
            proxy.inject("PUT /folder", FaultProxy.Fault.CUT_REQUEST, 400, 1);
            failsClearly(requestBound(), () -> c.defineDomain(defineXml()));
            assertEquals(1, proxy.faultsFired());
            assertEquals(0, sim.requestCount("RegisterVM_Task"), "nothing registered after a failed upload");
        }
        nothingDefined(before);
        nothingLeaks();
    }

    @Test
    void aFailedRegistrationRemovesTheUploadedVmx() throws Exception {
        List<String> before = sim.vmNames();
        try (Connection c = open()) {
            sim.faults().soapFault("RegisterVM_Task", new InvalidState(), "the host is busy");
            HypervisorException e = failsClearly(requestBound(), () -> c.defineDomain(defineXml()));
            assertTrue(e.getMessage().contains("the host is busy"), e.getMessage());
            assertEquals(1, sim.requestCount("PUT /folder"), "the .vmx was uploaded");
            assertEquals(1, sim.requestCount("DeleteDatastoreFile_Task"), "and deleted again");
        }
        nothingDefined(before);
        nothingLeaks();
    }
}
