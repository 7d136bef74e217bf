package io.jvirt.esx.vi;

import com.sun.xml.ws.api.WSService;
import io.jvirt.esx.transport.TransportContainer;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.VimPortType;
import io.jvirt.vim25.wsdl.VimWsdl;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceFeature;

import javax.xml.namespace.QName;
import java.net.URL;

/**
 * The JAX-WS (Metro) vim25 service, created once per JVM, for the operations that change things
 * (reconfigure, power, tasks, event waits): the read operations never need it, they go through
 * the connection's {@link io.jvirt.esx.soap.SoapClient} (see {@link VimPorts}). The service holds
 * no per-connection state: every connection gets its own port with its own cookie store, TLS,
 * proxy and endpoint address. It has a Metro container of its own ({@link TransportContainer})
 * that gives its ports the proxy-aware transport; nothing is registered for the whole class path.
 * Its first port builds the runtime model (WSDL, the JAXB model of every vim25 class) that later
 * ports reuse.
 */
final class VimServiceHolder {
    private static final QName SERVICE = new QName("urn:vim25Service", "VimService");
    private static final QName PORT = new QName("urn:vim25Service", "VimPort");

    private VimServiceHolder() {
    }

    /**
     * The service, initialised on first use under the JVM's class-initialisation lock (lazy
     * holder idiom), so two connections making their first change at once never build it twice.
     */
    private static final class Full {
        static final Service SERVICE = create(VimWsdl.serviceWsdl(), "vimService.wsdl");

        static {
            SERVICE.getPort(PORT, VimPortType.class);
        }
    }

    private static Service create(URL wsdl, String name) {
        if (wsdl == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "The vim25 WSDL is missing from the vim25 jar (io/jvirt/vim25/wsdl/" + name + ")");
        }
        WSService.InitParams params = new WSService.InitParams();
        params.setContainer(new TransportContainer());
        return WSService.create(wsdl, SERVICE, params);
    }

    /** A new port with every operation and these features (builds the model on first use). */
    static VimPortType newPort(WebServiceFeature... features) {
        return Full.SERVICE.getPort(PORT, VimPortType.class, features);
    }
}
