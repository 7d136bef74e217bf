package io.jvirt.cli;

import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.ErrorDomain;
import io.jvirt.spi.HypervisorException;

/**
 * Converts native configs without a connection ({@code domxml-from-native --offline}), backed
 * by the vmx-format module's offline path mapping ({@code /vmfs/volumes/DS/path <-> [DS] path}).
 */
public interface NativeConverters {

    /**
     * Native config (e.g. {@code vmware-vmx}) to domain XML.
     *
     * @param directory the directory of the config file, for file names relative to it (may be null)
     */
    String fromNative(String format, String config, java.nio.file.Path directory);

    /** Domain XML to a native config. */
    String toNative(String format, String xml);

    /** Used while the converter is not part of the build: every call fails with NO_SUPPORT. */
    static NativeConverters unavailable() {
        return new NativeConverters() {
            @Override
            public String fromNative(String format, String config, java.nio.file.Path directory) {
                throw missing();
            }

            @Override
            public String toNative(String format, String xml) {
                throw missing();
            }

            private HypervisorException missing() {
                return new HypervisorException(ErrorCode.NO_SUPPORT, ErrorDomain.CORE,
                        "this function is not supported by the connection driver: offline VMX conversion"
                                + " (the vmx-format converter is not available in this build)");
            }
        };
    }
}
