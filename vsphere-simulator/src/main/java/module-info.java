/**
 * The in-JVM vSphere simulator ({@code io.jvirt.simulator}: {@link io.jvirt.simulator.VsphereSimulator},
 * its builder, models, fault injection and the standalone {@code SimulatorLauncher}) and its JUnit 5
 * extension ({@code io.jvirt.simulator.junit}). JUnit is optional: only a test that uses the
 * extension brings it.
 */
module io.jvirt.simulator {
    requires transitive io.jvirt.vim25;
    requires jakarta.annotation;
    requires jdk.httpserver;
    requires java.desktop; // the console screenshot is drawn with javax.imageio
    requires static org.junit.jupiter.api;
    requires static org.junit.platform.commons;
    // Metro (the JAX-WS endpoint that serves the SOAP port, JAXWSProperties) and the JAXB runtime
    // run from the class path, which this module reads with --add-reads
    // io.jvirt.simulator=ALL-UNNAMED, as io.jvirt.esx does (see its module-info).

    exports io.jvirt.simulator;
    exports io.jvirt.simulator.junit;

    // Metro builds the endpoint by reflection on VimPortImpl and injects its WebServiceContext
    // (@Resource) into a private field; Metro runs from the class path, so the opens cannot be
    // qualified.
    opens io.jvirt.simulator;
}
