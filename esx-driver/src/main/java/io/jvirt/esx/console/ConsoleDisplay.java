package io.jvirt.esx.console;

import io.jvirt.esx.domain.EsxDomain;
import io.jvirt.esx.domain.PowerStates;
import io.jvirt.esx.domain.WriteContext;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.spi.xml.GraphicsDef;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VirtualMachineTicket;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code virsh domdisplay} for ESX: {@code vnc://host:display} when the VM's VMX configures a
 * VNC server ({@code RemoteDisplay.vnc.*}, shown as {@code <graphics type='vnc'>}), with the
 * password only when asked for (like virsh); otherwise, or with type {@code webmks}, a WebMKS
 * console URL with a one-time ticket from {@code AcquireTicket("webmks")} (ESXi 6.5+, vCenter),
 * {@code wss://host:port/ticket/<ticket>}. ESXi 7 removed its VNC server, so the ticket is the
 * way to a console there.
 */
public final class ConsoleDisplay {
    private final WriteContext ctx;

    public ConsoleDisplay(WriteContext ctx) {
        this.ctx = ctx;
    }

    public String uri(EsxDomain d, String type, boolean includePassword) {
        String wanted = type == null ? null : type.toLowerCase(Locale.ROOT);
        if (wanted != null && !wanted.equals("vnc") && !wanted.equals("webmks")) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "unknown display type '" + type + "' (the ESX driver knows vnc and webmks)");
        }
        ObjectProps vm = WriteContext.read(ctx.primaryVm(d), List.of("runtime.powerState", "runtime.host"));
        if (PowerStates.toDomainState(vm.get("runtime.powerState").orElse(null)) != DomainState.RUNNING) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX, "Domain is not running");
        }
        if (wanted == null || wanted.equals("vnc")) {
            Optional<GraphicsDef> vnc = vnc(d, includePassword);
            if (vnc.isPresent()) {
                return vncUri(host(vm), vnc.get(), includePassword);
            }
            if (wanted != null) {
                throw new HypervisorException(ErrorCode.OPERATION_FAILED, ErrorDomain.ESX, "No graphical display with type"
                        + " vnc found: domain '" + d.name() + "' has no RemoteDisplay.vnc.enabled in its VMX");
            }
        }
        return webmks(d);
    }

    private Optional<GraphicsDef> vnc(EsxDomain d, boolean secure) {
        DomainDef def = DomainXml.parse(d.xmlDesc(secure ? Set.of(DomainXmlFlag.SECURE) : Set.of()));
        if (def.devices() == null) {
            return Optional.empty();
        }
        return def.devices().graphics().stream().filter(g -> "vnc".equals(g.type())).findFirst();
    }

    /** virsh's form: {@code vnc://[:password@]host:display}, display = port - 5900. */
    static String vncUri(String host, GraphicsDef g, boolean includePassword) {
        int port = g.port();
        if (port < 5900) {
            throw new HypervisorException(ErrorCode.OPERATION_FAILED, ErrorDomain.ESX,
                    "the VNC server of the domain has no fixed port (RemoteDisplay.vnc.port) to connect to");
        }
        String password = includePassword && g.passwd() != null ? ":" + g.passwd().reveal() + "@" : "";
        return "vnc://" + password + host + ":" + (port - 5900);
    }

    private String webmks(EsxDomain d) {
        VirtualMachineTicket t = ctx.primary().call("AcquireTicket", p -> p.acquireTicket(d.mor(), "webmks"));
        if (t == null || t.getTicket() == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "AcquireTicket(webmks) returned no ticket for domain '" + d.name() + "'");
        }
        if (t.getUrl() != null && !t.getUrl().isEmpty()) {
            return t.getUrl();
        }
        String host = t.getHost() != null && !t.getHost().isEmpty() ? t.getHost() : ctx.primary().host();
        int port = t.getPort() != null && t.getPort() > 0 ? t.getPort() : 443;
        return "wss://" + bracketed(host) + ":" + port + "/ticket/" + t.getTicket();
    }

    /** The host the VM runs on, as the connection reaches it: the connection's server for ESX, the host's name on vCenter. */
    private String host(ObjectProps vm) {
        if (ctx.primary().productLine() != io.jvirt.esx.vi.ProductLine.VPX) {
            return bracketed(ctx.primary().host());
        }
        ManagedObjectReference host = vm.get("runtime.host", ManagedObjectReference.class).orElse(null);
        if (host == null) {
            return bracketed(ctx.primary().host());
        }
        return ctx.scope().hosts().stream().filter(h -> io.jvirt.esx.vi.Mor.same(h.mor(), host))
                .map(h -> h.string("name").orElse(ctx.primary().host())).findFirst()
                .map(ConsoleDisplay::bracketed).orElse(bracketed(ctx.primary().host()));
    }

    private static String bracketed(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
