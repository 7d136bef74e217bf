package io.jvirt.esx.console;

import io.jvirt.esx.domain.EsxDomain;
import io.jvirt.esx.domain.FolderUrls;
import io.jvirt.esx.domain.PowerStates;
import io.jvirt.esx.domain.WriteContext;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.Screenshot;
import io.jvirt.vim25.ManagedObjectReference;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.Optional;

/**
 * {@code virDomainScreenshot} as libvirt's ESX driver does it (esx-spec 2.x domainScreenshot):
 * screen 0 only, the host's {@code capability.screenshotSupported}, a powered-on VM, then
 * {@code GET /screen?id=<VM MOR>} on the server of the connection, which answers a PNG. Unlike
 * libvirt the request carries the session cookie (the server accepts it, as govc's
 * {@code vm.console} relies on) instead of a second login with the password, and a server that
 * does not report the capability at all (vcsim) is asked anyway: its answer decides.
 */
public final class Screenshots {
    private final WriteContext ctx;

    public Screenshots(WriteContext ctx) {
        this.ctx = ctx;
    }

    public Screenshot take(EsxDomain d, int screen) {
        if (screen != 0) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "Screen cannot be selected");
        }
        VimSession session = ctx.primary();
        ObjectProps vm = WriteContext.read(ctx.primaryVm(d), List.of("runtime.powerState", "runtime.host"));
        Optional<Boolean> supported = vm.get("runtime.host", ManagedObjectReference.class)
                .flatMap(host -> screenshotCapability(session, host));
        if (supported.isPresent() && !supported.get()) {
            throw new HypervisorException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.ESX,
                    "Screenshot feature is unsupported (the host reports capability.screenshotSupported=false)");
        }
        if (PowerStates.toDomainState(vm.get("runtime.powerState").orElse(null)) != DomainState.RUNNING) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX, "Domain is not powered on");
        }
        URL url = screenUrl(session.sdkUrl(), d.mor().getValue());
        HttpURLConnection c = null;
        try {
            c = session.openFileConnection(url, "GET");
            int status = c.getResponseCode();
            if (status == 404 && supported.isEmpty()) {
                throw new HypervisorException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.ESX,
                        "Screenshot feature is unsupported: the server '" + session.host() + "' reports no"
                                + " capability.screenshotSupported and has no /screen URL (HTTP 404); simulators"
                                + " such as vcsim have no console");
            }
            if (status != 200 && status != 206) {
                throw new HypervisorException(ErrorCode.HTTP_ERROR, ErrorDomain.ESX,
                        "Unexpected HTTP response code " + status + " for screenshot from '" + url + "'");
            }
            byte[] data;
            try (InputStream in = c.getInputStream()) {
                data = in.readAllBytes();
            }
            String type = c.getContentType() == null ? "image/png" : c.getContentType().split(";")[0].trim();
            if (!type.startsWith("image/")) {
                throw new HypervisorException(ErrorCode.HTTP_ERROR, ErrorDomain.ESX, "The server answered '" + type
                        + "' instead of an image for screenshot from '" + url + "'");
            }
            return new Screenshot(type, data);
        } catch (IOException e) {
            throw new HypervisorException(ErrorCode.RPC_FAILED, ErrorDomain.ESX,
                    "Could not complete transfer of screenshot from '" + url + "': " + e.getMessage(), e);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /** {@code capability.screenshotSupported} of the host, empty when the server does not report it. */
    private static Optional<Boolean> screenshotCapability(VimSession session, ManagedObjectReference host) {
        List<ObjectProps> result = PropertyReader.retrieve(session, Specs.filter(Specs.from(host, false),
                Specs.props("HostSystem", "capability.screenshotSupported")));
        return result.isEmpty() ? Optional.empty() : result.get(0).get("capability.screenshotSupported", Boolean.class);
    }

    static URL screenUrl(URL sdkUrl, String moref) {
        String spec = sdkUrl.getProtocol() + "://" + sdkUrl.getAuthority() + "/screen?id=" + FolderUrls.encode(moref);
        try {
            return new URL(spec);
        } catch (MalformedURLException e) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "Bad screenshot URL '" + spec + "'", e);
        }
    }
}
