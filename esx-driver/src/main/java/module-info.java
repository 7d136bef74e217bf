/**
 * The ESX/GSX/vCenter driver ({@code esx://}, {@code gsx://}, {@code vpx://}): an implementation of
 * {@link io.jvirt.spi.driver.HypervisorDriver} that applications reach through
 * {@link io.jvirt.spi.connect.ConnectionFactory}. Only {@code io.jvirt.esx} is exported (the
 * driver and its connection type); the sub-drivers, the vSphere session, transport and
 * conversions stay inside.
 */
module io.jvirt.esx {
    requires transitive io.jvirt.spi;
    requires io.jvirt.vmx;
    requires io.jvirt.vim25;
    // Metro (jaxws-rt: the port's transport tube, SOAP trace handler, WSService container) is
    // used from the class path, which this module reads with --add-reads io.jvirt.esx=ALL-UNNAMED
    // (a ModuleLayer: Controller.addReads). Metro 4.0.2's own descriptor requires
    // com.sun.xml.bind (jaxb-impl), which this build replaces with org.glassfish.jaxb:jaxb-runtime,
    // and modules the lean runtime leaves out (gmbal, ha-api, jakarta.mail), so "requires
    // com.sun.xml.ws" could not be resolved.

    exports io.jvirt.esx;

    provides io.jvirt.spi.driver.HypervisorDriver with io.jvirt.esx.EsxDriver;
}
