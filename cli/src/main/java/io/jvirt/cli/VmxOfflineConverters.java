package io.jvirt.cli;

import io.jvirt.cli.session.NativeConverters;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.vmx.OfflineFileNameMapper;
import io.jvirt.vmx.convert.Vmx;
import io.jvirt.vmx.VmxContext;

import java.nio.file.Path;

/**
 * Offline {@code vmware-vmx} conversion through the vmx-format module ({@link Vmx} with an
 * {@link OfflineFileNameMapper}: {@code /vmfs/volumes/DS/path <-> [DS] path}).
 */
final class VmxOfflineConverters implements NativeConverters {

    @Override
    public String fromNative(String format, String config, Path directory) {
        checkFormat(format);
        // no secure fields: like libvirt's connectDomainXMLFromNative, the VNC password is left out
        return DomainXml.format(Vmx.toDomain(config, context(vmxDirectory(directory))), false);
    }

    @Override
    public String toNative(String format, String xml) {
        checkFormat(format);
        return Vmx.fromDomainXml(xml, context(null));
    }

    /**
     * Where bare file names in the VMX live: {@code [DS] dir} for a file under
     * {@code /vmfs/volumes/DS/dir}, else the local directory itself.
     */
    static String vmxDirectory(Path directory) {
        if (directory == null) {
            return null;
        }
        String dir = directory.toAbsolutePath().normalize().toString();
        String volumes = "/vmfs/volumes/";
        if (dir.startsWith(volumes)) {
            String rest = dir.substring(volumes.length());
            int slash = rest.indexOf('/');
            return slash < 0 ? "[" + rest + "]" : "[" + rest.substring(0, slash) + "] " + rest.substring(slash + 1);
        }
        return dir;
    }

    private static VmxContext context(String vmxDirectory) {
        return VmxContext.of(new OfflineFileNameMapper(vmxDirectory));
    }

    private static void checkFormat(String format) {
        if (!format.equals("vmware-vmx")) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.CORE,
                    "invalid argument: unsupported config type " + format + " (offline conversion knows vmware-vmx)");
        }
    }
}
