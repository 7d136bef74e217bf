package io.jvirt.esx.vi;

import com.sun.xml.ws.api.WSService;
import io.jvirt.esx.transport.TransportContainer;
import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.ErrorDomain;
import io.jvirt.spi.HypervisorException;
import io.jvirt.vim25.VimPortType;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceFeature;

import javax.xml.namespace.QName;
import java.net.URL;

/**
 * The JAX-WS vim25 service, created once (it costs ~1 s: the WSDL is parsed and the JAXB context
 * built). It holds no per-connection state: every connection gets its own port with its own
 * cookie store, TLS, proxy and endpoint address. The service has a Metro container of its own
 * ({@link TransportContainer}) that gives its ports the proxy-aware transport; nothing is
 * registered for the whole class path.
 */
final class VimServiceHolder {
    private static final QName SERVICE = new QName("urn:vim25Service", "VimService");
    private static final QName PORT = new QName("urn:vim25Service", "VimPort");

    private VimServiceHolder() {
    }

    /** Initialised on first use by the JVM's class-initialisation lock (lazy holder idiom). */
    private static final class Lazy {
        static final Service SERVICE = create();
    }

    private static Service create() {
        URL wsdl = VimPortType.class.getResource("/io/jvirt/vim25/wsdl/vimService.wsdl");
        if (wsdl == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "The vim25 WSDL is missing from the class path (io/jvirt/vim25/wsdl/vimService.wsdl)");
        }
        WSService.InitParams params = new WSService.InitParams();
        params.setContainer(new TransportContainer());
        return WSService.create(wsdl, SERVICE, params);
    }

    /** A new port of the service with these features. */
    static VimPortType newPort(WebServiceFeature... features) {
        return Lazy.SERVICE.getPort(PORT, VimPortType.class, features);
    }
}
