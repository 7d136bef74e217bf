package io.jvirt.esx;

import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.fixtures.vsphere.SimulatorModel;
import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.HostInterface;
import io.jvirt.spi.HypervisorException;
import io.jvirt.spi.Network;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.spi.xml.SafeXml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conformance contracts of the STORAGE, NETWORKS and INTERFACES features (as on main's
 * conformance-tests), run here against both simulator models, plus CONNECTION_CLOSED after close.
 */
class SubDriverContractsTest {

    @ParameterizedTest
    @EnumSource(SimulatorModel.class)
    void storageNetworksAndInterfaces(SimulatorModel model) {
        try (SimulatedConnection sim = SimulatedConnection.start(model)) {
            EsxConnection c = sim.connection();
            List<StoragePool> pools = c.listAllStoragePools();
            assertFalse(pools.isEmpty());
            for (StoragePool p : pools) {
                assertEquals(p.uuid(), c.lookupStoragePoolByName(p.name()).uuid());
                assertEquals(p.name(), c.lookupStoragePoolByUuid(p.uuid()).name());
                StoragePool.Info info = p.info();
                assertTrue(info.capacity() >= info.allocation());
                assertEquals("pool", SafeXml.parse(p.xmlDesc()).name());
                for (StorageVolume v : p.listAllVolumes()) {
                    assertEquals(v.key(), c.lookupStorageVolumeByPath(v.path()).key(), v.path());
                    assertEquals("volume", SafeXml.parse(v.xmlDesc()).name());
                    assertEquals(p.name(), v.pool().name());
                }
            }
            expect(ErrorCode.NO_STORAGE_POOL, () -> c.lookupStoragePoolByName("no-such-pool"));

            List<Network> nets = c.listAllNetworks();
            assertFalse(nets.isEmpty());
            for (Network n : nets) {
                assertEquals(n.uuid(), c.lookupNetworkByName(n.name()).uuid());
                assertEquals(n.name(), c.lookupNetworkByUuid(n.uuid()).name());
                assertEquals("network", SafeXml.parse(n.xmlDesc()).name());
            }
            expect(ErrorCode.NO_NETWORK, () -> c.lookupNetworkByName("no-such-network"));

            List<HostInterface> ifaces = c.listAllInterfaces();
            assertFalse(ifaces.isEmpty());
            for (HostInterface i : ifaces) {
                assertEquals(i.name(), c.lookupInterfaceByMac(i.mac()).name());
                assertEquals(i.mac(), c.lookupInterfaceByName(i.name()).mac());
                assertEquals("interface", SafeXml.parse(i.xmlDesc(false)).name());
            }
            expect(ErrorCode.NO_INTERFACE, () -> c.lookupInterfaceByMac("00:00:00:00:00:00"));

            StoragePool pool = pools.get(0);
            Network net = nets.get(0);
            c.close();
            expect(ErrorCode.CONNECTION_CLOSED, c::listAllStoragePools);
            expect(ErrorCode.CONNECTION_CLOSED, pool::info);
            expect(ErrorCode.CONNECTION_CLOSED, c::listAllNetworks);
            expect(ErrorCode.CONNECTION_CLOSED, net::xmlDesc);
            expect(ErrorCode.CONNECTION_CLOSED, c::listAllInterfaces);
        }
    }

    private static void expect(ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        assertEquals(code, assertThrows(HypervisorException.class, call).code());
    }
}
