package io.jvirt.esx.vi;

import com.sun.xml.ws.api.WSService;
import io.jvirt.esx.transport.TransportContainer;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
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
public final class VimServiceHolder {
    private static final QName SERVICE = new QName("urn:vim25Service", "VimService");
    private static final QName PORT = new QName("urn:vim25Service", "VimPort");

    private VimServiceHolder() {
    }

    /**
     * Initialised on first use by the JVM's class-initialisation lock (lazy holder idiom). The
     * first port builds the port's runtime model (JAXB context); later ports, whatever their
     * features, reuse it. Building it here, under the class-initialisation lock, means two
     * threads never build it twice (a {@link #prepare} thread and a connecting one).
     */
    private static final class Lazy {
        static final Service SERVICE = warmed(create());

        /** The first port builds the runtime model that every later port reuses. */
        private static Service warmed(Service service) {
            service.getPort(PORT, VimPortType.class);
            return service;
        }
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

    /**
     * Builds the SOAP client model now (WSDL, JAXB context, the port's runtime model: the bulk
     * of a first connection's time in a fresh JVM). Every later port reuses it; calling this on
     * another thread while the process does other start-up work overlaps the two. Idempotent.
     */
    public static void prepare() {
        Service unused = Lazy.SERVICE;
    }
}
