package io.jvirt.esx.vi;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.domain.EsxDomain;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Domain;
import io.jvirt.vim25.ArrayOfVirtualDevice;
import io.jvirt.vim25.VimPortType;
import io.jvirt.vim25.VimReadPortType;
import io.jvirt.vim25.VirtualDevice;
import io.jvirt.vim25.VirtualDisk;
import io.jvirt.vim25.VirtualDiskFlatVer2BackingInfo;
import io.jvirt.vim25.VirtualEthernetCard;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read operations go to the connection's SOAP client ({@link VimPorts}): its port type is the
 * full one's read operations with the same annotations (from which the client writes its
 * requests), read-only work never makes the JAX-WS port, and every other call does, in the same
 * session.
 */
class ReadClientTest {

    @Test
    void theReadPortTypeMirrorsTheFullOne() throws Exception {
        assertEquals(8, VimReadPortType.class.getMethods().length);
        for (Method read : VimReadPortType.class.getMethods()) {
            Method full = VimPortType.class.getMethod(read.getName(), read.getParameterTypes());
            assertEquals(full.getGenericReturnType(), read.getGenericReturnType(), read.getName());
            assertEquals(Arrays.asList(full.getGenericParameterTypes()), Arrays.asList(read.getGenericParameterTypes()),
                    read.getName());
            assertEquals(Set.of(full.getExceptionTypes()), Set.of(read.getExceptionTypes()), read.getName());
            assertEquals(Set.of(full.getAnnotations()), Set.of(read.getAnnotations()), read.getName());
            assertEquals(Arrays.deepToString(full.getParameterAnnotations()),
                    Arrays.deepToString(read.getParameterAnnotations()), read.getName());
        }
    }

    @Test
    void readOnlyWorkUsesOnlyTheReadClientAndStillReadsEveryValue() {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
             EsxConnection c = SimulatedConnection.esx(sim, "")) {
            VimSession session = ReloginTest.sessionOf(c);
            assertEquals(2, c.listAllDomains().size());
            Domain vm = c.lookupDomainByName("ha-host_VM0");
            assertNotNull(vm.info());
            assertFalse(c.listAllStoragePools().isEmpty());
            assertFalse(c.listAllNetworks().isEmpty());
            assertNotNull(c.nodeInfo());
            assertFalse(session.usesFullPort(), "listings, look-ups, info and node facts need only the read client");

            // virtual devices, polymorphic and many levels deep, read by the read client
            ObjectProps props = PropertyReader.retrieve(session, Specs.filter(Specs.from(((EsxDomain) vm).mor(), false),
                    Specs.props("VirtualMachine", "config.hardware.device"))).get(0);
            List<VirtualDevice> devices = props.list("config.hardware.device", VirtualDevice.class);
            VirtualDisk disk = devices.stream().filter(VirtualDisk.class::isInstance).map(VirtualDisk.class::cast)
                    .findFirst().orElseThrow();
            VirtualDiskFlatVer2BackingInfo backing = assertInstanceOf(VirtualDiskFlatVer2BackingInfo.class, disk.getBacking());
            assertTrue(backing.getFileName().endsWith(".vmdk"), backing.getFileName());
            assertTrue(devices.stream().anyMatch(VirtualEthernetCard.class::isInstance), "a NIC, as its own subclass");
            assertInstanceOf(ArrayOfVirtualDevice.class, props.props().get("config.hardware.device"));
            assertFalse(session.usesFullPort(), "a device list is read without the full port");

            // a call the read client does not carry goes to the JAX-WS port, with the same session
            session.call("CurrentTime", p -> p.currentTime(VimSession.serviceInstance()));
            assertTrue(session.usesFullPort());
            assertEquals(2, c.listAllDomains().size(), "reads still work after the full port was made");
        }
    }
}
