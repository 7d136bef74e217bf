/**
 * jvirsh, the virsh-compatible command line ({@code java -m io.jvirt.cli/io.jvirt.cli.Jvirsh}).
 * An application, not a library: it exports nothing. Drivers are not named here: the API module
 * ({@code io.jvirt.spi}) {@code uses} {@link io.jvirt.spi.driver.HypervisorDriver}, so every driver
 * on the module path ({@code io.jvirt.testdriver}, {@code io.jvirt.esx}) is bound by the module
 * system; this module itself loads no service. It names {@code io.jvirt.esx} only for the
 * start-up prefetch ({@code EsxDriver.prepare()}).
 */
module io.jvirt.cli {
    requires io.jvirt.spi;
    requires io.jvirt.vmx;
    requires io.jvirt.esx;
    requires info.picocli;
    requires java.logging;
    // --sim: the simulator when it is present (./jvirsh adds it), never required
    requires static io.jvirt.simulator;
    // JLine (the interactive shell's line editor) is used from the class path, which this module
    // reads with --add-reads io.jvirt.cli=ALL-UNNAMED: org.jline.terminal's descriptor requires
    // org.jline.nativ (the JNI libraries of jline-native), which this build leaves out.

    // picocli builds the commands by reflection on their annotated (private) fields and methods
    opens io.jvirt.cli to info.picocli;
    opens io.jvirt.cli.commands to info.picocli;
    opens io.jvirt.cli.completion to info.picocli;
    opens io.jvirt.cli.session to info.picocli;
}
