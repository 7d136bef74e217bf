package io.jvirt.esx.transport;

import com.sun.xml.ws.api.pipe.TransportTubeFactory;
import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ServiceContent;
import io.jvirt.vim25.VimPortType;
import io.jvirt.vim25.VimService;
import jakarta.xml.ws.BindingProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver changes nothing JVM-wide: other Metro clients, system properties, logging API. */
class NoGlobalStateTest {

    @Test
    void noTransportFactoryIsRegisteredForTheClassPath() {
        List<String> ours = ServiceLoader.load(TransportTubeFactory.class).stream()
                .map(p -> p.type().getName()).filter(n -> n.startsWith("io.jvirt")).toList();
        assertEquals(List.of(), ours);
    }

    /**
     * A Metro client of the host application whose request context happens to carry our proxy
     * key keeps Metro's stock transport: it connects directly, not through that "proxy".
     */
    @Test
    void anotherMetroClientKeepsTheStockTransport() throws Exception {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
             EsxConnection c = SimulatedConnection.esx(sim, "");
             ServerSocket blackHole = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertTrue(c.isAlive());
            VimPortType port = new VimService().getVimPort();
            var rc = ((BindingProvider) port).getRequestContext();
            rc.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, sim.sdkUrl().toString());
            rc.put(ProxyTransportTubeFactory.PROXY_PROPERTY,
                    new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", blackHole.getLocalPort())));
            rc.put("com.sun.xml.ws.request.timeout", 5000);
            ManagedObjectReference si = new ManagedObjectReference();
            si.setType("ServiceInstance");
            si.setValue("ServiceInstance");
            ServiceContent content = port.retrieveServiceContent(si);
            assertNotNull(content.getAbout(), "answered directly by the simulator");
        }
    }

    @Test
    void driverSourcesLogOnlyThroughSystemLogger() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String s = Files.readString(p);
                    return s.contains("java.util.logging") || s.contains("org.slf4j") || s.contains("org.apache.log4j")
                            || s.contains("org.apache.logging.log4j") || s.contains("System.out.print")
                            || s.contains("System.err.print") || s.contains("printStackTrace(");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).sorted().toList();
        }
        assertEquals(List.of(), offenders, "log with System.Logger only");
    }

    @Test
    void openingAndClosingLeavesSystemPropertiesAlone() {
        java.util.TimeZone.getDefault(); // the JDK itself records user.timezone on first use
        Properties before = (Properties) System.getProperties().clone();
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
             EsxConnection c = SimulatedConnection.esx(sim, "")) {
            c.listAllDomains();
        }
        assertEquals(before, System.getProperties());
    }
}
