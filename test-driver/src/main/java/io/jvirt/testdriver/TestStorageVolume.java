package io.jvirt.testdriver;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.testdriver.TestHost.VolumeEntry;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.spi.xml.StorageVolumeDef;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/** A handle on an in-memory volume of the test pool. */
final class TestStorageVolume implements StorageVolume {
    private final TestStoragePool pool;
    private final String name;

    TestStorageVolume(TestStoragePool pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    private <T> T read(java.util.function.Function<VolumeEntry, T> f) {
        return pool.read(p -> f.apply(p.volume(name)));
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
        return path();
    }

    @Override
    public String path() {
        return pool.path() + "/" + name;
    }

    @Override
    public Info info() {
        return read(v -> new Info(Type.FILE, v.capacity, v.allocation));
    }

    @Override
    public String xmlDesc() {
        String path = path();
        return read(v -> new StorageVolumeDef(v.name, path, v.capacity, v.allocation, path, v.format).format());
    }

    @Override
    public void delete() {
        pool.read(p -> p.volumes.remove(p.volume(name).name));
    }

    @Override
    public void wipe() {
        read(v -> {
            Arrays.fill(v.data, (byte) 0);
            return v;
        });
    }

    byte[] bytes() {
        return read(v -> v.data.clone());
    }

    void setBytes(byte[] data) {
        read(v -> v.data = data.clone());
    }

    @Override
    public void upload(InputStream data, long offset, long length, ProgressListener progress) {
        long capacity = info().capacity();
        if (offset < 0 || offset > capacity) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                    "invalid argument: offset " + offset + " is outside volume '" + name + "' of " + capacity + " bytes");
        }
        byte[] bytes;
        try {
            bytes = length < 0 ? data.readAllBytes() : data.readNBytes((int) Math.min(length, Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new HypervisorException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST,
                    "cannot read upload data for volume '" + name + "': " + e.getMessage(), e);
        }
        if (offset + bytes.length > capacity) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                    "upload of " + bytes.length + " bytes at offset " + offset + " exceeds volume '" + name
                            + "' capacity of " + capacity + " bytes");
        }
        read(v -> {
            byte[] target = v.data.length >= offset + bytes.length ? v.data : Arrays.copyOf(v.data, (int) (offset + bytes.length));
            System.arraycopy(bytes, 0, target, (int) offset, bytes.length);
            v.data = target;
            v.allocation = Math.max(v.allocation, target.length);
            return v;
        });
        progress.progress("vol-upload", 100);
    }

    @Override
    public void download(OutputStream sink, long offset, long length, ProgressListener progress) {
        byte[] data = bytes();
        long capacity = info().capacity();
        if (offset < 0 || offset > capacity) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                    "invalid argument: offset " + offset + " is outside volume '" + name + "'");
        }
        long end = length < 0 ? capacity : Math.min(capacity, offset + length);
        try {
            byte[] zeros = new byte[8192];
            for (long pos = offset; pos < end; ) {
                if (pos < data.length) {
                    int n = (int) Math.min(end, data.length) - (int) pos;
                    sink.write(data, (int) pos, n);
                    pos += n;
                } else {
                    int n = (int) Math.min(zeros.length, end - pos);
                    sink.write(zeros, 0, n);
                    pos += n;
                }
            }
        } catch (IOException e) {
            throw new HypervisorException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST,
                    "cannot write download data of volume '" + name + "': " + e.getMessage(), e);
        }
        progress.progress("vol-download", 100);
    }

    @Override
    public String toString() {
        return "TestStorageVolume[" + name + "]";
    }
}
