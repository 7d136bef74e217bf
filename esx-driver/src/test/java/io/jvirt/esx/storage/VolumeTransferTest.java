package io.jvirt.esx.storage;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.StorageVolume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.jvirt.esx.testing.Failures.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * vol-download / vol-upload through {@code /folder} with the session cookie (the simulator
 * refuses file requests without a logged-in session, like ESX).
 */
class VolumeTransferTest {
    private static final byte[] DATA = new byte[300_000];
    private static SimulatedConnection esx;
    private static EsxConnection c;

    @BeforeAll
    static void start() {
        new Random(42).nextBytes(DATA);
        esx = SimulatedConnection.start(SimulatorModel.ESX);
        c = esx.connection();
        esx.simulator().putDatastoreFile("LocalDS_0", "isos/data.iso", DATA);
    }

    @AfterAll
    static void stop() {
        esx.close();
    }

    private static StorageVolume volume(String name) {
        return c.lookupStoragePoolByName("LocalDS_0").lookupVolumeByName(name);
    }

    @Test
    void downloadsAWholeVolumeWithProgress() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> progress = new CopyOnWriteArrayList<>();
        volume("isos/data.iso").download(out, 0, -1, (op, p) -> {
            assertEquals("vol-download", op);
            progress.add(p);
        });
        assertArrayEquals(DATA, out.toByteArray());
        assertEquals(0, progress.get(0));
        assertEquals(100, progress.get(progress.size() - 1));
        assertTrue(progress.size() > 2, progress.toString());
    }

    @Test
    void downloadsARangeWithOneGet() {
        StorageVolume v = volume("isos/data.iso");
        long gets = c.requestCounts().getOrDefault("GET", 0L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        v.download(out, 1000, 5000, ProgressListener.NONE);
        assertArrayEquals(Arrays.copyOfRange(DATA, 1000, 6000), out.toByteArray());
        assertEquals(gets + 1, c.requestCounts().get("GET"));
        out.reset();
        v.download(out, DATA.length - 10, -1, ProgressListener.NONE);
        assertArrayEquals(Arrays.copyOfRange(DATA, DATA.length - 10, DATA.length), out.toByteArray());
        out.reset();
        v.download(out, 5, 0, ProgressListener.NONE);
        assertEquals(0, out.size());
    }

    @Test
    void downloadArgumentErrors() {
        StorageVolume v = volume("isos/data.iso");
        fails(ErrorCode.INVALID_ARG, "Negative offset -1", () -> v.download(new ByteArrayOutputStream(), -1, 1, ProgressListener.NONE));
        fails(ErrorCode.INVALID_ARG, null, () -> v.download(new ByteArrayOutputStream(), 0, -2, ProgressListener.NONE));
        fails(ErrorCode.INVALID_ARG, null, () -> v.download(null, 0, -1, ProgressListener.NONE));
        fails(ErrorCode.INVALID_ARG, "Cannot download volume '[LocalDS_0] isos/data.iso': offset 400000 is beyond its end",
                () -> v.download(new ByteArrayOutputStream(), 400_000, -1, ProgressListener.NONE));
    }

    @Test
    void uploadReplacesTheFile() {
        esx.simulator().putDatastoreFile("LocalDS_0", "isos/up.iso", new byte[] {1, 2, 3});
        StorageVolume v = volume("isos/up.iso");
        byte[] content = Arrays.copyOf(DATA, 100_000);
        List<Integer> progress = new CopyOnWriteArrayList<>();
        v.upload(new ByteArrayInputStream(content), 0, content.length, (op, p) -> progress.add(p));
        assertArrayEquals(content, esx.simulator().datastoreFile("LocalDS_0", "isos/up.iso").orElseThrow());
        assertEquals(100, progress.get(progress.size() - 1));
        assertEquals(content.length, v.info().allocation());

        v.upload(new ByteArrayInputStream(DATA), 0, -1, ProgressListener.NONE);
        assertArrayEquals(DATA, esx.simulator().datastoreFile("LocalDS_0", "isos/up.iso").orElseThrow());

        v.upload(new ByteArrayInputStream(DATA), 0, 10, ProgressListener.NONE);
        assertArrayEquals(Arrays.copyOf(DATA, 10), esx.simulator().datastoreFile("LocalDS_0", "isos/up.iso").orElseThrow());
    }

    @Test
    void uploadArgumentErrors() {
        esx.simulator().putDatastoreFile("LocalDS_0", "isos/keep.iso", new byte[] {7});
        StorageVolume v = volume("isos/keep.iso");
        fails(ErrorCode.ARGUMENT_UNSUPPORTED, "Cannot upload to volume '[LocalDS_0] isos/keep.iso' at offset 5: the ESX"
                + " file service only replaces whole files", () -> v.upload(new ByteArrayInputStream(DATA), 5, 1, ProgressListener.NONE));
        fails(ErrorCode.INVALID_ARG, "Upload data for volume '[LocalDS_0] isos/keep.iso' ended after 3 of 10 bytes",
                () -> v.upload(new ByteArrayInputStream(new byte[3]), 0, 10, ProgressListener.NONE));
        fails(ErrorCode.INVALID_ARG, null, () -> v.upload(null, 0, -1, ProgressListener.NONE));
        assertArrayEquals(new byte[] {7}, esx.simulator().datastoreFile("LocalDS_0", "isos/keep.iso").orElseThrow());
    }

    @Test
    void downloadOfAVanishedFile() {
        esx.simulator().putDatastoreFile("LocalDS_0", "isos/gone.iso", new byte[] {1});
        StorageVolume v = volume("isos/gone.iso");
        v.delete();
        fails(ErrorCode.NO_STORAGE_VOL, "Cannot download volume '[LocalDS_0] isos/gone.iso': the file does not exist",
                () -> v.download(new ByteArrayOutputStream(), 0, -1, ProgressListener.NONE));
    }

    @Test
    void transfersLogInAgainAfterTheSessionExpired() {
        StorageVolume v = volume("isos/data.iso");
        esx.simulator().expireSessions();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        v.download(out, 0, 100, ProgressListener.NONE);
        assertArrayEquals(Arrays.copyOf(DATA, 100), out.toByteArray());
        esx.simulator().putDatastoreFile("LocalDS_0", "isos/relogin.iso", new byte[] {1});
        StorageVolume up = volume("isos/relogin.iso");
        esx.simulator().expireSessions();
        up.upload(new ByteArrayInputStream(new byte[] {9, 8}), 0, 2, ProgressListener.NONE);
        assertArrayEquals(new byte[] {9, 8}, esx.simulator().datastoreFile("LocalDS_0", "isos/relogin.iso").orElseThrow());
    }
}
