package io.jvirt.simulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Renders realistic .vmx files for simulated VMs and reads the few keys the simulator needs. */
final class VmxText {

    private VmxText() {
    }

    static String render(VmDefinition vm) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(".encoding", "UTF-8");
        entries.put("config.version", "8");
        entries.put("virtualHW.version", "13");
        entries.put("displayName", vm.name());
        entries.put("annotation", vm.annotation());
        entries.put("guestOS", vmxGuestOs(vm.guestId()));
        entries.put("memsize", String.valueOf(vm.memoryMB()));
        entries.put("numvcpus", String.valueOf(vm.numCpus()));
        entries.put("uuid.bios", biosUuid(vm.uuid()));
        entries.put("uuid.location", biosUuid(vm.uuid()));
        entries.put("vc.uuid", biosUuid(vm.uuid()));
        entries.put("sched.cpu.min", "0");
        entries.put("sched.cpu.units", "mhz");
        entries.put("sched.cpu.shares", "normal");
        entries.put("sched.mem.minsize", "0");
        entries.put("sched.mem.shares", "normal");
        entries.put("scsi0.present", "TRUE");
        entries.put("scsi0.virtualDev", "lsilogic");
        entries.put("scsi0:0.present", "TRUE");
        entries.put("scsi0:0.deviceType", "scsi-hardDisk");
        entries.put("scsi0:0.fileName", vm.diskFileName());
        entries.put("ide1:0.present", "TRUE");
        entries.put("ide1:0.deviceType", "cdrom-raw");
        entries.put("ide1:0.fileName", "auto detect");
        entries.put("ide1:0.startConnected", "FALSE");
        entries.put("ethernet0.present", "TRUE");
        entries.put("ethernet0.virtualDev", "vmxnet3");
        entries.put("ethernet0.networkName", vm.networkName());
        entries.put("ethernet0.addressType", "generated");
        entries.put("ethernet0.generatedAddress", vm.macAddress());
        entries.put("ethernet0.generatedAddressOffset", "0");
        entries.put("RemoteDisplay.vnc.enabled", "FALSE");
        entries.put("floppy0.present", "FALSE");
        entries.put("tools.syncTime", "FALSE");
        entries.put("nvram", vm.name() + ".nvram");
        StringBuilder text = new StringBuilder();
        entries.forEach((k, v) -> text.append(k).append(" = \"").append(escape(v)).append("\"\n"));
        return text.toString();
    }

    /** Key/value pairs of a .vmx file (keys lower-cased, as VMware treats them case-insensitively). */
    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.trim();
            int eq = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || eq < 0) {
                continue;
            }
            String value = trimmed.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(trimmed.substring(0, eq).trim().toLowerCase(Locale.ROOT), unescape(value));
        }
        return values;
    }

    /** The text with the given keys set (replaced in place, or appended); a null value removes the key. */
    static String withValues(String text, Map<String, String> updates) {
        StringBuilder out = new StringBuilder();
        Map<String, String> pending = new LinkedHashMap<>(updates);
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            String key = eq < 0 ? null : line.substring(0, eq).trim();
            String match = key == null ? null : pending.keySet().stream()
                    .filter(k -> k.equalsIgnoreCase(key)).findFirst().orElse(null);
            if (match != null) {
                String value = pending.remove(match);
                if (value != null) {
                    out.append(key).append(" = \"").append(escape(value)).append("\"\n");
                }
            } else if (!line.isEmpty()) {
                out.append(line).append('\n');
            }
        }
        pending.forEach((k, v) -> {
            if (v != null) {
                out.append(k).append(" = \"").append(escape(v)).append("\"\n");
            }
        });
        return out.toString();
    }

    /** {@code 56 4d ...-... } form of a UUID, as in {@code uuid.bios}. */
    static String biosUuid(String uuid) {
        String hex = uuid.replace("-", "").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 32; i += 2) {
            if (i == 16) {
                out.append('-');
            } else if (i > 0) {
                out.append(' ');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }

    /** The canonical lower-case UUID of a {@code uuid.bios} value, or null if malformed. */
    static String canonicalUuid(String biosUuid) {
        if (biosUuid == null) {
            return null;
        }
        String hex = biosUuid.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{32}")) {
            return null;
        }
        return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")).toString();
    }

    /** The vSphere guest id for a .vmx {@code guestOS} value. */
    static String guestId(String vmxGuestOs) {
        return switch (vmxGuestOs == null ? "" : vmxGuestOs.toLowerCase(Locale.ROOT)) {
            case "otherlinux-64" -> "otherLinux64Guest";
            case "ubuntu-64" -> "ubuntu64Guest";
            case "windows9-64" -> "windows9_64Guest";
            default -> "otherGuest";
        };
    }

    static String vmxGuestOs(String guestId) {
        return switch (guestId) {
            case "otherLinux64Guest" -> "otherlinux-64";
            case "ubuntu64Guest" -> "ubuntu-64";
            case "windows9_64Guest" -> "windows9-64";
            default -> "other";
        };
    }

    private static String escape(String value) {
        return value.replace("|", "|7C").replace("\"", "|22").replace("\n", "|0A");
    }

    private static String unescape(String value) {
        return value.replace("|22", "\"").replace("|0A", "\n").replace("|7C", "|");
    }
}
