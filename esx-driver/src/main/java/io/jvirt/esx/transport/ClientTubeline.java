package io.jvirt.esx.transport;

import com.sun.xml.ws.api.BindingID;
import com.sun.xml.ws.api.pipe.ClientTubeAssemblerContext;
import com.sun.xml.ws.api.pipe.ServerTubeAssemblerContext;
import com.sun.xml.ws.api.pipe.Tube;
import com.sun.xml.ws.api.pipe.TubelineAssembler;
import com.sun.xml.ws.api.pipe.TubelineAssemblerFactory;

/**
 * The chain of Metro tubes a vim25 port sends its requests through, assembled directly: the
 * same client tubes Metro's configuration-driven assembler takes from its default tubeline
 * ({@code META-INF/jaxws-tubes-default.xml}: handlers, schema validation when enabled,
 * mustUnderstand checks, WS-Addressing when enabled, transport), without that assembler's work
 * in a fresh JVM: it first builds a JAXB context for Metro's configuration schema, parses the
 * configuration files and instantiates each tube factory by reflection (about a tenth of the
 * port's set-up time, benchmarks/STARTUP.md). Message dumping, the one tube left out, is only
 * switched on by a JVM-global system property or a feature the driver never sets; its SOAP
 * trace is a handler ({@code SoapTrace}).
 *
 * <p>Given to the driver's service only, through {@link TransportContainer}; other Metro clients
 * in the same application keep Metro's assembler.
 */
final class ClientTubeline extends TubelineAssemblerFactory implements TubelineAssembler {

    @Override
    public TubelineAssembler doCreate(BindingID bindingId) {
        return this;
    }

    @Override
    public Tube createClient(ClientTubeAssemblerContext context) {
        // built from the wire outwards; a request passes them in the opposite order
        Tube head = context.createTransportTube();
        head = context.createWsaTube(head);
        head = context.createClientMUTube(head);
        head = context.createValidationTube(head);
        return context.createHandlerTube(head);
    }

    @Override
    public Tube createServer(ServerTubeAssemblerContext context) {
        throw new UnsupportedOperationException("the vim25 service of the ESX driver is a client only");
    }
}
