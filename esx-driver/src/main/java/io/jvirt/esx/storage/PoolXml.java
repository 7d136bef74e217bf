package io.jvirt.esx.storage;

import io.jvirt.spi.xml.XmlWriter;

/** Writes {@code <pool>} XML in libvirt's layout (element order of {@code virStoragePoolDefFormat}). */
final class PoolXml {
    private PoolXml() {
    }

    static String format(PoolDescription p) {
        XmlWriter w = new XmlWriter();
        w.start("pool").attr("type", p.type()).open();
        w.element("name", p.name());
        w.element("uuid", p.uuid());
        w.start("capacity").attr("unit", "bytes").text("capacity", Long.toString(p.capacity()));
        w.start("allocation").attr("unit", "bytes").text("allocation", Long.toString(p.allocation()));
        w.start("available").attr("unit", "bytes").text("available", Long.toString(p.available()));
        PoolDescription.Source s = p.source();
        w.start("source").open();
        if (s.hostName() != null) {
            w.start("host").attr("name", s.hostName()).attr("port", s.hostPort()).close();
        }
        if (s.device() != null) {
            w.start("device").attr("path", s.device()).close();
        }
        if (s.dir() != null) {
            w.start("dir").attr("path", s.dir()).close();
        }
        if (s.initiator() != null) {
            w.start("initiator").open();
            w.start("iqn").attr("name", s.initiator()).close();
            w.end("initiator");
        }
        if (s.format() != null) {
            w.start("format").attr("type", s.format()).close();
        }
        w.end("source");
        if (p.targetPath() != null) {
            w.start("target").open();
            w.element("path", p.targetPath());
            w.end("target");
        }
        w.end("pool");
        return w.toString();
    }
}
