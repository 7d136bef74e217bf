package io.jvirt.cli;

import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.ErrorDomain;
import io.jvirt.spi.HypervisorException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Offline {@code vmware-vmx} conversion through the vmx-format module ({@code io.jvirt.vmx.Vmx}
 * with an {@code OfflineFileNameMapper}: {@code /vmfs/volumes/DS/path <-> [DS] path}).
 *
 * <p>The module is bound by name because, when this was written, its converter lived on another
 * branch; once it is on main this class can call {@code Vmx.toDomainXml} and
 * {@code Vmx.fromDomainXml} directly.
 */
final class VmxOfflineConverters implements NativeConverters {
    private final Method toXml;
    private final Method fromXml;
    private final Method contextOf;
    private final Class<?> mapperClass;

    private VmxOfflineConverters(Method toXml, Method fromXml, Method contextOf, Class<?> mapperClass) {
        this.toXml = toXml;
        this.fromXml = fromXml;
        this.contextOf = contextOf;
        this.mapperClass = mapperClass;
    }

    /** The converter when vmx-format provides it. */
    static Optional<NativeConverters> find() {
        try {
            ClassLoader cl = VmxOfflineConverters.class.getClassLoader();
            Class<?> vmx = Class.forName("io.jvirt.vmx.Vmx", false, cl);
            Class<?> ctx = Class.forName("io.jvirt.vmx.VmxContext", false, cl);
            Class<?> mapperIface = Class.forName("io.jvirt.vmx.FileNameMapper", false, cl);
            Class<?> mapper = Class.forName("io.jvirt.vmx.OfflineFileNameMapper", false, cl);
            return Optional.of(new VmxOfflineConverters(vmx.getMethod("toDomainXml", String.class, ctx),
                    vmx.getMethod("fromDomainXml", String.class, ctx), ctx.getMethod("of", mapperIface), mapper));
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public String fromNative(String format, String config, Path directory) {
        return invoke(toXml, format, config, vmxDirectory(directory));
    }

    @Override
    public String toNative(String format, String xml) {
        return invoke(fromXml, format, xml, null);
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

    private String invoke(Method m, String format, String text, String vmxDirectory) {
        if (!format.equals("vmware-vmx")) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.CORE,
                    "invalid argument: unsupported config type " + format + " (offline conversion knows vmware-vmx)");
        }
        try {
            Object mapper = mapperClass.getConstructor(String.class).newInstance(vmxDirectory);
            Object context = contextOf.invoke(null, mapper);
            return (String) m.invoke(null, text, context);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CORE, String.valueOf(e.getCause()));
        } catch (ReflectiveOperationException e) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CORE,
                    "the vmx-format converter cannot be called: " + e);
        }
    }
}
