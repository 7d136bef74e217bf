package io.jvirt.cli.session;

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
}
