package io.jvirt.esx.storage;

import io.jvirt.esx.vi.Mor;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.HypervisorException;
import io.jvirt.vim25.ArrayOfDatastoreHostMount;
import io.jvirt.vim25.DatastoreHostMount;
import io.jvirt.vim25.DatastoreInfo;
import io.jvirt.vim25.HostMountInfo;
import io.jvirt.vim25.HostNasVolume;
import io.jvirt.vim25.LocalDatastoreInfo;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.NasDatastoreInfo;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Pool facts from datastore properties: types, NAS sources, inaccessible datastores, host mounts. */
class DatastoreFactsTest {
    private static final ManagedObjectReference HOST = Mor.of("HostSystem", "host-1");
    private static final ManagedObjectReference OTHER = Mor.of("HostSystem", "host-2");

    private static DatastoreHostMount mount(ManagedObjectReference host, String path) {
        DatastoreHostMount m = new DatastoreHostMount();
        m.setKey(host);
        HostMountInfo info = new HostMountInfo();
        info.setPath(path);
        m.setMountInfo(info);
        return m;
    }

    private static DatastoreFacts facts(DatastoreInfo info, boolean accessible, DatastoreHostMount... mounts) {
        ArrayOfDatastoreHostMount hosts = new ArrayOfDatastoreHostMount();
        hosts.getDatastoreHostMount().addAll(List.of(mounts));
        Map<String, Object> p = new HashMap<>();
        p.put("summary.name", "ds1");
        p.put("summary.url", "ds:///vmfs/volumes/from-url/");
        p.put("summary.accessible", accessible);
        p.put("summary.capacity", 100L);
        p.put("summary.freeSpace", 30L);
        p.put("host", hosts);
        if (info != null) {
            p.put("info", info);
        }
        return DatastoreFacts.of(new ObjectProps(Mor.of("Datastore", "ds-1"), p, List.of()), HOST);
    }

    private static NasDatastoreInfo nas(String type) {
        NasDatastoreInfo info = new NasDatastoreInfo();
        HostNasVolume v = new HostNasVolume();
        v.setType(type);
        v.setRemoteHost("filer");
        v.setRemotePath("/share");
        info.setNas(v);
        return info;
    }

    @Test
    void mountPathOfThisHost() {
        DatastoreFacts f = facts(new LocalDatastoreInfo(), true, mount(OTHER, "/other"), mount(HOST, "/vmfs/volumes/mine"));
        assertEquals("/vmfs/volumes/mine", f.mountPath());
        assertEquals(io.jvirt.esx.vi.Md5Uuids.of("/vmfs/volumes/mine"), f.uuid());
        assertEquals("dir", f.poolType());
        PoolDescription d = f.describe();
        assertEquals(new PoolDescription("dir", "ds1", f.uuid(), 100, 70, 30, PoolDescription.Source.EMPTY,
                "/vmfs/volumes/mine"), d);
    }

    @Test
    void emptyMountPathFallsBackToTheUrl() {
        assertEquals("/vmfs/volumes/from-url/", facts(new LocalDatastoreInfo(), true, mount(HOST, "")).mountPath());
    }

    @Test
    void nasSources() {
        PoolDescription nfs = facts(nas("nfs"), true, mount(HOST, "/m")).describe();
        assertEquals("netfs", nfs.type());
        assertEquals(new PoolDescription.Source("filer", null, null, "/share", null, "nfs"), nfs.source());
        assertEquals("cifs", facts(nas("CIFS"), true, mount(HOST, "/m")).describe().source().format());
        HypervisorException e = assertThrows(HypervisorException.class, () -> facts(nas("NFS41"), true, mount(HOST, "/m")).describe());
        assertEquals("Datastore has unexpected type 'NFS41'", e.getMessage());
    }

    @Test
    void inaccessibleDatastoreHasNoSizes() {
        PoolDescription d = facts(new LocalDatastoreInfo(), false, mount(HOST, "/m")).describe();
        assertEquals(0, d.capacity());
        assertEquals(0, d.allocation());
        assertEquals(0, d.available());
    }

    @Test
    void unknownInfoType() {
        HypervisorException e = assertThrows(HypervisorException.class, () -> facts(null, true, mount(HOST, "/m")).poolType());
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("DatastoreInfo of datastore 'ds1' has unexpected type 'none'", e.getMessage());
        assertNull(facts(null, true).browser());
    }
}
