/**
 * The jvirt API: what a host application uses (connections and their handles, errors, events,
 * URIs, credentials, the libvirt XML model) and what a driver implements
 * ({@link io.jvirt.spi.driver.HypervisorDriver}, found by {@link java.util.ServiceLoader}).
 */
module io.jvirt.spi {
    requires transitive java.xml;

    exports io.jvirt.spi;
    exports io.jvirt.spi.auth;
    exports io.jvirt.spi.connect;
    exports io.jvirt.spi.driver;
    exports io.jvirt.spi.error;
    exports io.jvirt.spi.event;
    exports io.jvirt.spi.keys;
    exports io.jvirt.spi.stats;
    exports io.jvirt.spi.uri;
    exports io.jvirt.spi.xml;
    // io.jvirt.spi.readonly (the read-only wrappers ConnectionFactory puts around a connection)
    // is not exported: applications ask for READ_ONLY when they open.

    uses io.jvirt.spi.driver.HypervisorDriver;
}
