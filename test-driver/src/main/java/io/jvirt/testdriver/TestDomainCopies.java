package io.jvirt.testdriver;

import io.jvirt.testdriver.TestHost.DomainEntry;
import io.jvirt.spi.CloneOptions;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.InterfaceDef;
import io.jvirt.spi.xml.MacAddress;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * The test driver's clone (what virt-clone does to a definition: new name and UUID, new MAC
 * addresses in QEMU's 52:54:00 range, each file disk renamed to {@code <new name>[-N].<ext>} in
 * its directory or in the named pool's) and its screenshot, a PNG like libvirt's test driver's.
 */
final class TestDomainCopies {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDomainCopies() {
    }

    /** The clone's definition (caller holds the host lock; {@code poolPath} null for the source's directories). */
    static DomainDef cloneOf(DomainEntry source, String newName, CloneOptions opts, String poolPath) {
        if (newName == null || newName.isEmpty()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "the clone's name must not be empty");
        }
        if (opts.linked()) {
            throw new HypervisorException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.TEST,
                    "the test driver has no disk images whose data a linked clone could share");
        }
        DomainDef base = opts.snapshot() == null ? source.config : source.snapshot(opts.snapshot()).config;
        DomainDef.Builder b = base.toBuilder().name(newName).uuid(UUID.randomUUID());
        if (base.devices() != null) {
            List<DiskDef> disks = new ArrayList<>();
            int n = 0;
            for (DiskDef d : base.devices().disks()) {
                if ("file".equals(d.type()) && "disk".equals(d.device()) && d.source() != null) {
                    disks.add(withSource(d, renamed(d.source(), newName, n++, poolPath)));
                } else {
                    disks.add(d);
                }
            }
            List<InterfaceDef> nics = new ArrayList<>();
            for (InterfaceDef i : base.devices().interfaces()) {
                nics.add(i.withMac(new MacAddress(0x525400_000000L | RANDOM.nextInt(0x1000000))));
            }
            b.devices(base.devices().withDisks(disks).withInterfaces(nics));
        }
        return b.build();
    }

    private static String renamed(String source, String newName, int index, String poolPath) {
        int slash = source.lastIndexOf('/');
        String dir = poolPath != null ? poolPath : slash < 0 ? "" : source.substring(0, slash);
        String file = source.substring(slash + 1);
        int dot = file.lastIndexOf('.');
        String ext = dot > 0 ? file.substring(dot) : "";
        String name = (index == 0 ? newName : newName + "-" + index) + ext;
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    private static DiskDef withSource(DiskDef d, String source) {
        return new DiskDef(d.type(), d.device(), d.driverName(), d.driverCache(), source, d.startupPolicy(),
                d.targetDev(), d.targetBus(), d.address(), d.readonly(), d.transientDisk());
    }

    /** A 1120x832 grey PNG, the size of libvirt's test driver screenshot. */
    static byte[] screenshotPng() {
        BufferedImage image = new BufferedImage(1120, 832, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
