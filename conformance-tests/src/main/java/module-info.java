/**
 * The conformance harness's runner ({@code java -jar jvirt-conformance.jar corpus ...} or
 * {@code java -m io.jvirt.conformance/io.jvirt.conformance.Main}): {@code io.jvirt.conformance}
 * ({@code Main.run}) and the libvirt-corpus runner {@code io.jvirt.conformance.corpus}. The driver
 * contracts are test code of this module and need no module.
 */
module io.jvirt.conformance {
    requires io.jvirt.spi;
    requires io.jvirt.vmx;

    exports io.jvirt.conformance;
    exports io.jvirt.conformance.corpus;
    // io.jvirt.conformance.command (the runner's sub-command interface) stays inside: Main lists
    // its commands itself.
}
