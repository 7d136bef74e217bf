package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.vmx.VmxContext;
import io.jvirt.vmx.VmxParser;
import io.jvirt.vmx.convert.DomainToVmx;
import io.jvirt.vmx.convert.VmxToDomain;

/**
 * The entry points of the VMX module: VMX text or bytes to domain definition / domain XML and back.
 * All failures are {@link io.jvirt.spi.error.HypervisorException}s.
 */
public final class Vmx {
    private Vmx() {
    }

    /** VMX bytes (UTF-8 or the declared {@code .encoding}) to a domain definition. */
    public static DomainDef toDomain(byte[] vmx, VmxContext ctx) {
        return VmxToDomain.convert(VmxParser.parse(vmx), ctx);
    }

    /**
     * VMX bytes to a domain definition; errors about the file's encoding or syntax name
     * {@code sourceName} (e.g. {@code [datastore1] vm/vm.vmx}) when it is not null.
     */
    public static DomainDef toDomain(byte[] vmx, String sourceName, VmxContext ctx) {
        return VmxToDomain.convert(VmxParser.parse(vmx, sourceName), ctx);
    }

    /** Decoded VMX text to a domain definition. */
    public static DomainDef toDomain(String vmx, VmxContext ctx) {
        return VmxToDomain.convert(VmxParser.parse(vmx), ctx);
    }

    /** Decoded VMX text to domain XML (libvirt's layout, VNC password included). */
    public static String toDomainXml(String vmx, VmxContext ctx) {
        return DomainXml.format(toDomain(vmx, ctx));
    }

    /** A domain definition to VMX text, for {@code ctx.virtualHwVersion()}. */
    public static String fromDomain(DomainDef def, VmxContext ctx) {
        return DomainToVmx.convert(def, ctx);
    }

    /** Domain XML to VMX text. */
    public static String fromDomainXml(String xml, VmxContext ctx) {
        return DomainToVmx.convert(DomainXml.parse(xml), ctx);
    }
}
