package io.jvirt.vmx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The statements of a VMX file. Lookup is ASCII case-insensitive and returns the <b>first</b>
 * occurrence of a key; later duplicates are kept in {@link #entries()} but never returned by
 * {@link #entry(String)}.
 */
public final class VmxFile {
    private final List<VmxEntry> entries;
    private final Map<String, VmxEntry> firstByKey;
    private final java.util.Set<String> firstSegments;

    public VmxFile(List<VmxEntry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, VmxEntry> map = new HashMap<>(entries.size() * 2);
        for (VmxEntry e : this.entries) {
            map.putIfAbsent(normalize(e.key()), e);
        }
        this.firstByKey = map;
        java.util.Set<String> segments = new java.util.HashSet<>();
        for (String key : map.keySet()) {
            int dot = key.indexOf('.');
            segments.add(dot < 0 ? key : key.substring(0, dot));
        }
        this.firstSegments = segments;
    }

    /**
     * Whether any key starts with {@code segment + "."} (case-insensitive), e.g. {@code scsi0:1}:
     * lets readers skip device slots the file does not mention at all.
     */
    public boolean hasKeysUnder(String segment) {
        return firstSegments.contains(normalize(segment));
    }

    static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    /** All statements in file order, duplicates included. */
    public List<VmxEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The first statement with that key (case-insensitive), or null. */
    public VmxEntry entry(String key) {
        return firstByKey.get(normalize(key));
    }

    /** The value of the first statement with that key, or null. */
    public String get(String key) {
        VmxEntry e = entry(key);
        return e == null ? null : e.value();
    }

    public boolean contains(String key) {
        return entry(key) != null;
    }

    /** The distinct keys (first spelling), in file order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (VmxEntry e : entries) {
            if (firstByKey.get(normalize(e.key())) == e) {
                keys.add(e.key());
            }
        }
        return keys;
    }
}
