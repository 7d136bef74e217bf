/**
 * libvirt's {@code test:///default} driver: an in-memory host with one domain, network and pool,
 * for applications' unit tests and {@code jvirsh -c test:///default}. Exports nothing: it is
 * reached through {@link io.jvirt.spi.connect.ConnectionFactory}.
 */
module io.jvirt.testdriver {
    requires io.jvirt.spi;
    requires java.desktop; // screenshot: the test driver draws its PNG with javax.imageio

    provides io.jvirt.spi.driver.HypervisorDriver with io.jvirt.testdriver.TestDriver;
}
