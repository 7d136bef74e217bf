package io.jvirt.spi.xml;

import static io.jvirt.spi.xml.XmlValues.missing;

/**
 * A libvirt {@code <volume>} (ESX: a file on a datastore, or an iSCSI LUN).
 *
 * @param key             the volume key (ESX: the disk UUID), or null
 * @param capacityBytes   -1 when not given (likewise allocation)
 * @param targetPath      {@code <target><path>}, e.g. {@code [datastore] dir/disk.vmdk}, or null
 * @param targetFormat    {@code <target><format type>}, e.g. {@code vmdk}, or null
 */
public record StorageVolumeDef(String name, String key, long capacityBytes, long allocationBytes, String targetPath,
        String targetFormat) {

    public static StorageVolumeDef parse(String xml) {
        XmlNode root = SafeXml.parse(xml);
        if (!root.name().equals("volume")) {
            throw XmlValues.error(root, null, root.name(), "expected root element 'volume'");
        }
        XmlNode name = root.child("name");
        if (name == null || name.text().isEmpty()) {
            throw missing(root, "element 'name'");
        }
        XmlNode key = root.child("key");
        XmlNode target = root.child("target");
        String path = null;
        String format = null;
        if (target != null) {
            path = target.child("path") == null ? null : target.child("path").text().strip();
            format = target.child("format") == null ? null : XmlValues.required(target.child("format"), "type");
        }
        long capacity = bytes(root.child("capacity"));
        if (capacity < 0) {
            throw missing(root, "element 'capacity'");
        }
        return new StorageVolumeDef(name.text(), key == null ? null : key.text(), capacity,
                bytes(root.child("allocation")), path, format);
    }

    /** A size element with libvirt units (default bytes), or -1 when absent. */
    static long bytes(XmlNode n) {
        if (n == null) {
            return -1;
        }
        return XmlValues.sizeBytes(n, "bytes");
    }

    static void formatBytes(XmlWriter w, String element, long bytes) {
        if (bytes >= 0) {
            w.start(element).attr("unit", "bytes").text(element, Long.toString(bytes));
        }
    }

    public String format() {
        XmlWriter w = new XmlWriter();
        w.start("volume").open();
        w.element("name", name);
        w.element("key", key);
        formatBytes(w, "capacity", capacityBytes);
        formatBytes(w, "allocation", allocationBytes);
        if (targetPath != null || targetFormat != null) {
            w.start("target").open();
            w.element("path", targetPath);
            if (targetFormat != null) {
                w.start("format").attr("type", targetFormat).close();
            }
            w.end("target");
        }
        w.end("volume");
        return w.toString();
    }
}
