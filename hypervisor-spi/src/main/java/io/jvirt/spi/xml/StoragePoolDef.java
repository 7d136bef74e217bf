package io.jvirt.spi.xml;

import static io.jvirt.spi.xml.XmlValues.missing;

import java.util.Set;
import java.util.UUID;

/**
 * A libvirt {@code <pool>} (ESX: a datastore as {@code dir}/{@code netfs} pool, or an iSCSI target).
 *
 * @param type            {@code dir}, {@code netfs}, {@code iscsi}, ...
 * @param capacityBytes   -1 when not given (likewise allocation and available)
 * @param sourceHost      {@code <source><host name>}, or null
 * @param sourceDir       {@code <source><dir path>}, or null
 * @param sourceFormat    {@code <source><format type>} (e.g. {@code nfs}), or null
 * @param targetPath      {@code <target><path>}, or null
 */
public record StoragePoolDef(String type, String name, UUID uuid, long capacityBytes, long allocationBytes,
        long availableBytes, String sourceHost, String sourceDir, String sourceFormat, String targetPath) {

    private static final Set<String> TYPES = Set.of("dir", "fs", "netfs", "logical", "disk", "iscsi",
            "iscsi-direct", "scsi", "mpath", "rbd", "sheepdog", "gluster", "zfs", "vstorage");

    public static StoragePoolDef parse(String xml) {
        XmlNode root = SafeXml.parse(xml);
        if (!root.name().equals("pool")) {
            throw XmlValues.error(root, null, root.name(), "expected root element 'pool'");
        }
        String type = XmlValues.enumAttr(root, "type", TYPES);
        if (type == null) {
            throw missing(root, "attribute 'type'");
        }
        XmlNode name = root.child("name");
        if (name == null || name.text().isEmpty()) {
            throw missing(root, "element 'name'");
        }
        XmlNode uuid = root.child("uuid");
        XmlNode source = root.child("source");
        String host = null;
        String dir = null;
        String format = null;
        if (source != null) {
            host = source.child("host") == null ? null : XmlValues.required(source.child("host"), "name");
            dir = source.child("dir") == null ? null : XmlValues.required(source.child("dir"), "path");
            format = source.child("format") == null ? null : XmlValues.required(source.child("format"), "type");
        }
        XmlNode target = root.child("target");
        String path = target == null || target.child("path") == null ? null : target.child("path").text().strip();
        return new StoragePoolDef(type, name.text(), uuid == null ? null : XmlValues.uuid(uuid, null, uuid.text()),
                StorageVolumeDef.bytes(root.child("capacity")), StorageVolumeDef.bytes(root.child("allocation")),
                StorageVolumeDef.bytes(root.child("available")), host, dir, format, path);
    }

    public String format() {
        XmlWriter w = new XmlWriter();
        w.start("pool").attr("type", type).open();
        w.element("name", name);
        w.element("uuid", uuid);
        StorageVolumeDef.formatBytes(w, "capacity", capacityBytes);
        StorageVolumeDef.formatBytes(w, "allocation", allocationBytes);
        StorageVolumeDef.formatBytes(w, "available", availableBytes);
        if (sourceHost != null || sourceDir != null || sourceFormat != null) {
            w.start("source").open();
            if (sourceHost != null) {
                w.start("host").attr("name", sourceHost).close();
            }
            if (sourceDir != null) {
                w.start("dir").attr("path", sourceDir).close();
            }
            if (sourceFormat != null) {
                w.start("format").attr("type", sourceFormat).close();
            }
            w.end("source");
        }
        if (targetPath != null) {
            w.start("target").open();
            w.element("path", targetPath);
            w.end("target");
        }
        w.end("pool");
        return w.toString();
    }
}
