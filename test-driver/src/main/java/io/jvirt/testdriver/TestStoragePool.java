package io.jvirt.testdriver;

import io.jvirt.testdriver.TestHost.PoolEntry;
import io.jvirt.testdriver.TestHost.VolumeEntry;
import io.jvirt.spi.Connection;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.spi.xml.StoragePoolDef;
import io.jvirt.spi.xml.StorageVolumeDef;

import java.util.List;
import java.util.UUID;

/** A handle on the test host's directory pool. */
final class TestStoragePool implements StoragePool {
    private final TestConnection conn;
    private final String name;
    private final UUID uuid;

    TestStoragePool(TestConnection conn, PoolEntry p) {
        this.conn = conn;
        this.name = p.name;
        this.uuid = p.uuid;
    }

    <T> T read(java.util.function.Function<PoolEntry, T> f) {
        TestHost h = conn.host();
        return h.read(() -> f.apply(h.pool(name)));
    }

    StorageVolume volume(VolumeEntry v) {
        return new TestStorageVolume(this, v.name);
    }

    @Override
    public Connection connection() {
        return conn;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public UUID uuid() {
        return uuid;
    }

    String path() {
        return read(p -> p.path);
    }

    @Override
    public Info info() {
        return read(p -> new Info(State.RUNNING, p.capacity, p.allocation(), p.capacity - p.allocation()));
    }

    @Override
    public String xmlDesc() {
        return read(p -> new StoragePoolDef("dir", p.name, p.uuid, p.capacity, p.allocation(),
                p.capacity - p.allocation(), null, null, null, p.path).format());
    }

    @Override
    public boolean autostart() {
        return read(p -> p.autostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        read(p -> p.autostart = autostart);
    }

    @Override
    public void refresh() {
        read(p -> p);
    }

    @Override
    public List<StorageVolume> listAllVolumes() {
        return read(p -> p.volumes.values().stream().map(this::volume).toList());
    }

    @Override
    public StorageVolume lookupVolumeByName(String volName) {
        return read(p -> volume(p.volume(volName)));
    }

    @Override
    public StorageVolume createVolume(String xml, ProgressListener progress) {
        VolumeEntry v = parseVolume(xml);
        read(p -> {
            if (p.volumes.containsKey(v.name)) {
                throw new HypervisorException(ErrorCode.STORAGE_VOL_EXIST, ErrorDomain.TEST,
                        "storage volume '" + v.name + "' exists already in pool '" + name + "'");
            }
            if (p.allocation() + v.allocation > p.capacity) {
                throw new HypervisorException(ErrorCode.OPERATION_FAILED, ErrorDomain.TEST,
                        "not enough space in pool '" + name + "' for volume '" + v.name + "'");
            }
            p.volumes.put(v.name, v);
            return v;
        });
        progress.progress("vol-create", 100);
        return volume(v);
    }

    @Override
    public StorageVolume createVolumeFrom(String xml, StorageVolume source, ProgressListener progress) {
        if (!(source instanceof TestStorageVolume src) || src.pool().connection() != conn) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                    "the source volume must belong to the same test connection");
        }
        byte[] data = src.bytes();
        StorageVolume created = createVolume(xml, ProgressListener.NONE);
        ((TestStorageVolume) created).setBytes(data);
        progress.progress("vol-clone", 100);
        return created;
    }

    static VolumeEntry parseVolume(String xml) {
        StorageVolumeDef def = StorageVolumeDef.parse(xml);
        if (def.name().contains("/")) {
            throw new HypervisorException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "volume name '" + def.name() + "' must not contain '/'");
        }
        long allocation = def.allocationBytes() < 0 ? def.capacityBytes() : Math.min(def.allocationBytes(), def.capacityBytes());
        return new VolumeEntry(def.name(), def.capacityBytes(), allocation,
                def.targetFormat() == null ? "raw" : def.targetFormat());
    }

    @Override
    public String toString() {
        return "TestStoragePool[" + name + "]";
    }
}
