package io.jvirt.esx.storage;

import io.jvirt.esx.domain.FolderUrls;
import io.jvirt.esx.vi.Tasks;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.vim25.FileInfo;
import io.jvirt.vim25.FloppyImageFileInfo;
import io.jvirt.vim25.IsoImageFileInfo;
import io.jvirt.vim25.VmDiskFileInfo;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;

/**
 * A file on a datastore as a volume: a virtual disk, an ISO or a floppy image. Handles from a
 * listing compute their key on first use (a disk's key costs one {@code QueryVirtualDiskUuid}).
 */
final class VmfsVolume implements StorageVolume {
    private final VmfsPool pool;
    private final String name;
    private final FileInfo listed;
    private volatile String key;

    VmfsVolume(VmfsPool pool, String name, String key) {
        this.pool = pool;
        this.name = name;
        this.listed = null;
        this.key = key;
    }

    /** From a listing: the key is computed from {@code listed} when asked for. */
    VmfsVolume(VmfsPool pool, String name, FileInfo listed) {
        this.pool = pool;
        this.name = name;
        this.listed = listed;
    }

    private StorageContext ctx() {
        return pool.context();
    }

    @Override
    public StoragePool pool() {
        return pool;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String key() {
        String k = key;
        if (k == null) {
            k = pool.keyOf(name, listed);
            key = k;
        }
        return k;
    }

    @Override
    public String path() {
        return pool.path(name);
    }

    @Override
    public Info info() {
        FileInfo file = pool.fileInfo(name);
        long size = file.getFileSize() == null ? 0 : file.getFileSize();
        if (file instanceof VmDiskFileInfo disk) {
            long capacity = disk.getCapacityKb() == null ? 0 : disk.getCapacityKb() * 1024;
            return new Info(Type.FILE, capacity, size);
        }
        return new Info(Type.FILE, size, size);
    }

    @Override
    public String xmlDesc() {
        FileInfo file = pool.fileInfo(name);
        String format;
        if (file instanceof VmDiskFileInfo) {
            format = "vmdk";
        } else if (file instanceof IsoImageFileInfo) {
            format = "iso";
        } else if (file instanceof FloppyImageFileInfo) {
            format = "raw";
        } else {
            throw HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "File '%s' has unknown type", path());
        }
        long size = file.getFileSize() == null ? 0 : file.getFileSize();
        long capacity = file instanceof VmDiskFileInfo disk && disk.getCapacityKb() != null
                ? disk.getCapacityKb() * 1024 : size;
        String k = key;
        if (k == null) {
            k = pool.keyOf(name, file);
            key = k;
        }
        return VolumeXml.format(Type.FILE, name, k, capacity, size, path(), format);
    }

    @Override
    public void delete() {
        StorageContext c = ctx();
        Tasks.of(c.session()).run("DeleteVirtualDisk_Task", p -> p.deleteVirtualDiskTask(
                c.session().content().getVirtualDiskManager(), path(), c.datacenter()),
                Tasks.Watch.none(), ProgressListener.NONE, "Could not delete volume");
    }

    @Override
    public void wipe() {
        StorageContext c = ctx();
        Tasks.of(c.session()).run("ZeroFillVirtualDisk_Task", p -> p.zeroFillVirtualDiskTask(
                c.session().content().getVirtualDiskManager(), path(), c.datacenter()),
                Tasks.Watch.none(), ProgressListener.NONE, "Could not wipe volume");
    }

    private URL fileUrl() {
        StorageContext c = ctx();
        return FolderUrls.file(c.session().sdkUrl(), name, c.scope().datacenterPath(), pool.name());
    }

    /** Replaces the file's contents (the whole file: {@code offset} must be 0). */
    @Override
    public void upload(InputStream data, long offset, long length, ProgressListener progress) {
        if (data == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "No upload data given");
        }
        FolderTransfer.upload(ctx().session(), fileUrl(), path(), data, offset, length,
                progress == null ? ProgressListener.NONE : progress);
    }

    @Override
    public void download(OutputStream sink, long offset, long length, ProgressListener progress) {
        if (sink == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "No download sink given");
        }
        FolderTransfer.download(ctx().session(), fileUrl(), path(), sink, offset, length,
                progress == null ? ProgressListener.NONE : progress);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VmfsVolume v && v.pool.equals(pool) && v.name.equals(name);
    }

    @Override
    public int hashCode() {
        return path().hashCode();
    }

    @Override
    public String toString() {
        return "VmfsVolume[" + path() + "]";
    }
}
