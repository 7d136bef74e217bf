package io.jvirt.esx.vi;

import com.sun.xml.ws.api.WSService;
import com.sun.xml.ws.api.model.SEIModel;
import com.sun.xml.ws.developer.JAXBContextFactory;
import com.sun.xml.ws.developer.UsesJAXBContextFeature;
import io.jvirt.esx.transport.TransportContainer;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.VimPortType;
import io.jvirt.vim25.VimReadPortType;
import io.jvirt.vim25.wsdl.VimWsdl;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceFeature;
import org.glassfish.jaxb.runtime.api.JAXBRIContext;
import org.glassfish.jaxb.runtime.api.TypeReference;

import javax.xml.namespace.QName;
import java.net.URL;
import java.util.Arrays;
import java.util.List;

/**
 * The JAX-WS vim25 services, each created once per JVM. They hold no per-connection state:
 * every connection gets its own ports with its own cookie store, TLS, proxy and endpoint
 * address. Each service has a Metro container of its own ({@link TransportContainer}) that gives
 * its ports the proxy-aware transport; nothing is registered for the whole class path.
 *
 * <p>Two services, because building a port's runtime model is most of a first connection's
 * CPU time in a fresh JVM (the JAXB model above all):
 * <ul>
 * <li>the <b>read</b> service ({@code vimReadService.wsdl}, the read operations of the WSDL only)
 * and its port ({@link VimReadPortType}: connect, read properties, look-ups, log out) with the
 * small {@link ReadBinding}; every connection uses it from the start;</li>
 * <li>the <b>full</b> service's port ({@link VimPortType}, every operation, every class) is built
 * the first time a connection makes a call the read port does not have (a change, a task, an
 * event wait), or when a property value needs the full binding ({@link #fullBinding}).</li>
 * </ul>
 */
public final class VimServiceHolder {
    private static final QName SERVICE = new QName("urn:vim25Service", "VimService");
    private static final QName PORT = new QName("urn:vim25Service", "VimPort");

    private VimServiceHolder() {
    }

    /**
     * The read service, initialised on first use under the JVM's class-initialisation lock (lazy
     * holder idiom), so a {@link #prepare} thread and a connecting one never build it twice. The
     * first port builds the runtime model that every later port reuses.
     */
    private static final class Read {
        static final Service SERVICE = create(VimWsdl.readServiceWsdl(), "vimReadService.wsdl");

        static {
            SERVICE.getPort(PORT, VimReadPortType.class, readBinding());
        }
    }

    /** The full service; the binding its first port builds is kept for {@link #fullBinding}. */
    private static final class Full {
        static final Capturing BINDING = new Capturing();
        static final Service SERVICE = create(VimWsdl.serviceWsdl(), "vimService.wsdl");

        static {
            SERVICE.getPort(PORT, VimPortType.class, new UsesJAXBContextFeature(BINDING));
            if (BINDING.context == null) {
                throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        "The vim25 port was built without its JAXB binding");
            }
        }
    }

    /**
     * Metro's default binding of the full port, built once: kept to read values the read port
     * left as XML, and given to every later full port (Metro builds the model of a port whose
     * features name a factory anew each time, and asks the factory for the binding).
     */
    private static final class Capturing implements JAXBContextFactory {
        volatile JAXBRIContext context;

        @Override
        @SuppressWarnings("rawtypes")
        public synchronized JAXBRIContext createJAXBContext(SEIModel sei, List<Class> classesToBind,
                                                           List<TypeReference> typeReferences) throws JAXBException {
            if (context == null) {
                context = JAXBContextFactory.DEFAULT.createJAXBContext(sei, classesToBind, typeReferences);
            }
            return context;
        }
    }

    private static UsesJAXBContextFeature readBinding() {
        return new UsesJAXBContextFeature(ReadBinding.INSTANCE);
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

    /** A new read port with these features. */
    static VimReadPortType newReadPort(WebServiceFeature... features) {
        WebServiceFeature[] all = Arrays.copyOf(features, features.length + 1);
        all[features.length] = readBinding();
        return Read.SERVICE.getPort(PORT, VimReadPortType.class, all);
    }

    /** A new port with every operation and these features (builds the full model on first use). */
    static VimPortType newPort(WebServiceFeature... features) {
        WebServiceFeature[] all = Arrays.copyOf(features, features.length + 1);
        all[features.length] = new UsesJAXBContextFeature(Full.BINDING);
        return Full.SERVICE.getPort(PORT, VimPortType.class, all);
    }

    /** The JAXB binding of every vim25 class (the full port's; built on first use). */
    static JAXBRIContext fullBinding() {
        return Full.BINDING.context;
    }

    /**
     * Builds the read port's client model now (WSDL, JAXB binding, the port's runtime model):
     * the bulk of a first connection's time in a fresh JVM. Calling this on another thread while
     * the process does other start-up work overlaps the two. Idempotent.
     */
    public static void prepare() {
        Service unused = Read.SERVICE;
    }

    /** Also builds the full model, for applications that will change things (and have time to spare). */
    public static void prepareAll() {
        prepare();
        Service unused = Full.SERVICE;
    }
}
