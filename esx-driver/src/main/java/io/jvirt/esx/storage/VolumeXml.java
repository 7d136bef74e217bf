package io.jvirt.esx.storage;

import io.jvirt.spi.StorageVolume;
import io.jvirt.spi.xml.XmlWriter;

/** Writes {@code <volume>} XML in libvirt's layout (element order of {@code virStorageVolDefFormat}). */
final class VolumeXml {
    private VolumeXml() {
    }

    static String format(StorageVolume.Type type, String name, String key, long capacity, long allocation,
                         String targetPath, String format) {
        XmlWriter w = new XmlWriter();
        w.start("volume").attr("type", type.label()).open();
        w.element("name", name);
        w.element("key", key);
        w.start("source").open().end("source");
        w.start("capacity").attr("unit", "bytes").text("capacity", Long.toString(capacity));
        w.start("allocation").attr("unit", "bytes").text("allocation", Long.toString(allocation));
        w.start("target").open();
        w.element("path", targetPath);
        w.start("format").attr("type", format).close();
        w.end("target");
        w.end("volume");
        return w.toString();
    }
}
