package io.jvirt.esx.storage;

import io.jvirt.esx.vi.Mor;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.ArrayOfDatastoreHostMount;
import io.jvirt.vim25.DatastoreHostMount;
import io.jvirt.vim25.DatastoreInfo;
import io.jvirt.vim25.HostMountInfo;
import io.jvirt.vim25.HostNasVolume;
import io.jvirt.vim25.LocalDatastoreInfo;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.NasDatastoreInfo;
import io.jvirt.vim25.PMemDatastoreInfo;
import io.jvirt.vim25.VsanDatastoreInfo;
import io.jvirt.vim25.VvolDatastoreInfo;
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
        // NFS 4.1 (vSphere 6.0+): libvirt fails here; it is an nfs netfs pool like NFS 3 (README-esx)
        assertEquals("nfs", facts(nas("NFS41"), true, mount(HOST, "/m")).describe().source().format());
        HypervisorException e = assertThrows(HypervisorException.class, () -> facts(nas("AFS"), true, mount(HOST, "/m")).describe());
        assertEquals("Datastore has unexpected type 'AFS'", e.getMessage());
    }

    @Test
    void inaccessibleDatastoreHasNoSizes() {
        PoolDescription d = facts(new LocalDatastoreInfo(), false, mount(HOST, "/m")).describe();
        assertEquals(0, d.capacity());
        assertEquals(0, d.allocation());
        assertEquals(0, d.available());
    }

    @Test
    void unknownOrMissingInfoIsADirPoolNotAnError() {
        // libvirt fails with "DatastoreInfo has unexpected type"; one odd datastore must not
        // fail a listing, so it degrades to a dir pool on its mount path (README-esx)
        PoolDescription d = facts(null, true, mount(HOST, "/m")).describe();
        assertEquals("dir", d.type());
        assertEquals("/m", d.targetPath());
        assertEquals(PoolDescription.Source.EMPTY, d.source());
        assertNull(facts(null, true).browser());
    }

    @Test
    void vsanVvolAndPmemDatastoresAreDirPoolsOnTheirMountPath() {
        for (DatastoreInfo info : List.of(new VsanDatastoreInfo(), new VvolDatastoreInfo(), new PMemDatastoreInfo())) {
            PoolDescription d = facts(info, true, mount(HOST, "/vmfs/volumes/vsan:1-2")).describe();
            assertEquals("dir", d.type(), info.getClass().getSimpleName());
            assertEquals("/vmfs/volumes/vsan:1-2", d.targetPath());
            assertEquals(PoolDescription.Source.EMPTY, d.source());
            assertEquals(70, d.allocation());
        }
    }

    @Test
    void aPropertyOfAnUnexpectedTypeIsLeftOutNotAnError() {
        Map<String, Object> p = new HashMap<>();
        p.put("summary.name", "odd");
        p.put("summary.url", "ds:///vmfs/volumes/odd/");
        p.put("summary.accessible", true);
        p.put("summary.capacity", "lots");            // not a number
        p.put("info", new io.jvirt.vim25.DynamicData()); // a type newer than the client, read as its root
        p.put("host", "not a mount list");
        DatastoreFacts f = DatastoreFacts.of(new ObjectProps(Mor.of("Datastore", "ds-9"), p, List.of()), HOST);
        assertEquals("odd", f.name());
        assertEquals("", f.mountPath());
        assertEquals(0, f.capacity());
        assertNull(f.info());
        assertEquals("dir", f.poolType());
    }
}
