package io.jvirt.esx.recorded;

import io.jvirt.fixtures.replay.MoRef;
import io.jvirt.fixtures.replay.Recording;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads expected values straight out of a recording (never from the driver): the recorded text
 * at a property path, the child elements of a recorded value, and the rules libvirt applies to
 * them (MD5 UUIDs, CPU model clean-up).
 */
final class RecordedFacts {
    private RecordedFacts() {
    }

    static String text(Recording rec, MoRef obj, String path) {
        return rec.text(obj, path).orElseThrow(() -> new AssertionError(
                "recording '" + rec.name() + "' has no " + obj + " " + path));
    }

    static Element property(Recording rec, MoRef obj, String property) {
        Element e = rec.properties(obj).get(property);
        if (e == null || !rec.isRecorded(obj, property)) {
            throw new AssertionError("recording '" + rec.name() + "' has no recorded " + obj + " " + property);
        }
        return e;
    }

    /** Child elements named {@code name} at a slash-separated path below {@code e}. */
    static List<Element> all(Element e, String path) {
        List<Element> current = List.of(e);
        for (String seg : path.split("/")) {
            List<Element> next = new ArrayList<>();
            for (Element c : current) {
                for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element k && seg.equals(k.getLocalName())) {
                        next.add(k);
                    }
                }
            }
            current = next;
        }
        return current;
    }

    static String childText(Element e, String name) {
        List<Element> c = all(e, name);
        if (c.isEmpty()) {
            throw new AssertionError("no <" + name + "> in <" + e.getLocalName() + ">");
        }
        return c.get(0).getTextContent();
    }

    /** libvirt's UUID of a string: its MD5 digest's 16 bytes. */
    static UUID md5Uuid(String s) {
        try {
            ByteBuffer b = ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * libvirt's node CPU model: "(R)" and "(TM)" removed, runs of spaces squeezed, cut to the 31
     * characters of {@code virNodeInfo.model}.
     */
    static String libvirtCpuModel(String model) {
        String m = model.replace("(R)", "").replace("(TM)", "").replaceAll(" +", " ").trim();
        return m.length() > 31 ? m.substring(0, 31) : m;
    }
}
