/**
 * The vSphere Web Services API (vim25) as JAX-WS/JAXB classes generated from VMware's WSDL
 * ({@code io.jvirt.vim25}), the WSDL itself ({@code io.jvirt.vim25.wsdl}) and the type hierarchy
 * of the data objects ({@code io.jvirt.vim25.typing}).
 */
module io.jvirt.vim25 {
    requires transitive jakarta.xml.bind;
    requires transitive jakarta.xml.ws;
    requires transitive java.xml;

    exports io.jvirt.vim25;
    exports io.jvirt.vim25.typing;
    exports io.jvirt.vim25.wsdl;

    // JAXB and Metro read and write the generated classes' fields by reflection. Open to every
    // module because Metro and the JAXB runtime run from the class path (see io.jvirt.esx) and
    // Metro calls the runtime directly, not through jakarta.xml.bind: a qualified opens cannot
    // name the unnamed module. The package holds generated data classes only.
    opens io.jvirt.vim25;
}
