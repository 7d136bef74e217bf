/**
 * VMware {@code .vmx} files: parsing and writing ({@code io.jvirt.vmx}), conversion to libvirt
 * domain XML and back ({@code io.jvirt.vmx.convert}, entry point {@code Vmx}), datastore paths
 * and escaping ({@code io.jvirt.vmx.util}).
 */
module io.jvirt.vmx {
    requires transitive io.jvirt.spi;

    exports io.jvirt.vmx;
    exports io.jvirt.vmx.convert;
    exports io.jvirt.vmx.util;
    // io.jvirt.vmx.corpus (the libvirt test corpus's file names) is for the conformance runner
    // (a named module), the benchmarks and the tests (from the class path): not exported to
    // applications.
    exports io.jvirt.vmx.corpus to io.jvirt.conformance;
}
