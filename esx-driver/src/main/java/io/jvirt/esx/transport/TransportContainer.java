package io.jvirt.esx.transport;

import com.sun.xml.ws.api.ResourceLoader;
import com.sun.xml.ws.api.pipe.TransportTubeFactory;
import com.sun.xml.ws.api.pipe.TubelineAssemblerFactory;
import com.sun.xml.ws.api.server.Container;

import java.net.URL;

/**
 * The Metro container of the driver's own vim25 service (given to it with
 * {@code WSService.InitParams}): it supplies {@link ProxyTransportTubeFactory} and the directly
 * assembled {@link ClientTubeline} to that service's ports only. Nothing is registered on the
 * class path, so other Metro clients in the host application keep Metro's stock transport and
 * assembler.
 */
public final class TransportContainer extends Container {
    private final TransportTubeFactory transport = new ProxyTransportTubeFactory();
    private final TubelineAssemblerFactory tubeline = new ClientTubeline();
    private final ResourceLoader resources = new ResourceLoader() {
        @Override
        public URL getResource(String resource) {
            return TransportContainer.class.getClassLoader().getResource("META-INF/" + resource);
        }
    };

    @Override
    public <S> S getSPI(Class<S> spiType) {
        if (spiType == TransportTubeFactory.class) {
            return spiType.cast(transport);
        }
        if (spiType == TubelineAssemblerFactory.class) {
            return spiType.cast(tubeline);
        }
        if (spiType == ResourceLoader.class) {
            return spiType.cast(resources);
        }
        return super.getSPI(spiType);
    }
}
