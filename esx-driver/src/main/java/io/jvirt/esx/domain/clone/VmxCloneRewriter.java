package io.jvirt.esx.domain.clone;

import io.jvirt.vmx.VmxEntry;
import io.jvirt.vmx.VmxFile;
import io.jvirt.vmx.VmxWriter;
import io.jvirt.vmx.util.VmxEscaping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code .vmx} of a clone, made from the source's, entry by entry (everything the source
 * configures stays, in its order): a new {@code displayName}, a fresh {@code uuid.bios}, fresh
 * MAC addresses (generated ones from the new UUID as ESX makes them, static ones random in
 * VMware's static range), the disks renamed into the clone's directory; the entries that tie a
 * VM to its files or its identity on the host ({@code uuid.location}, {@code vc.uuid}, the swap
 * file, the NVRAM, migration and checkpoint state) are left out or renamed, ESX recreates them.
 */
public final class VmxCloneRewriter {
    private static final Pattern DISK_FILE = Pattern.compile("((?:scsi|ide|sata|nvme)\\d+:\\d+)\\.filename");
    private static final Pattern ETHERNET = Pattern.compile("(ethernet\\d+)\\.(.+)");
    /** Entries describing the source VM's identity or files elsewhere; ESX recreates them. */
    private static final Set<String> DROPPED = Set.of("uuid.location", "vc.uuid", "sched.swap.derivedname",
            "migrate.hostlog", "migrate.hostlogstate", "migrate.migrationid", "checkpoint.vmstate",
            "extendedconfigfile", "vmxstats.filename", "instancecfgfilename");

    /** One disk to copy: its file name as the source's VMX gives it, and the clone's file name. */
    public record DiskCopy(String sourceFileName, String cloneFileName) {
    }

    /** The clone's VMX text and the disks to copy for it. */
    public record Result(String vmx, List<DiskCopy> disks) {
    }

    private VmxCloneRewriter() {
    }

    /**
     * @param source  the source's VMX
     * @param name    the clone's name (the new {@code displayName})
     * @param fileBase the clone's file-name base (escaped name), e.g. {@code web02}: disks become
     *                 {@code web02.vmdk}, {@code web02_1.vmdk}, ...
     * @param uuid    the clone's BIOS UUID
     * @param random  where static MAC addresses come from
     */
    public static Result rewrite(VmxFile source, String name, String fileBase, UUID uuid, Random random) {
        Map<String, String> lower = new HashMap<>();
        for (VmxEntry e : source.entries()) {
            lower.putIfAbsent(e.key().toLowerCase(Locale.ROOT), e.value());
        }
        VmxWriter out = new VmxWriter();
        out.put(".encoding", "UTF-8");
        List<DiskCopy> disks = new ArrayList<>();
        Map<String, String> diskNames = new LinkedHashMap<>();
        Map<String, Integer> nicOffsets = new LinkedHashMap<>();
        for (VmxEntry e : source.entries()) {
            String key = e.key().toLowerCase(Locale.ROOT);
            if (key.equals(".encoding") || DROPPED.contains(key)) {
                continue;
            }
            switch (key) {
                case "displayname" -> out.put(e.key(), VmxEscaping.percentEncode(VmxEscaping.pipeEncode(name)));
                case "uuid.bios" -> out.put(e.key(), uuidBios(uuid));
                case "nvram" -> out.put(e.key(), fileBase + ".nvram");
                default -> {
                    Matcher disk = DISK_FILE.matcher(key);
                    Matcher nic = ETHERNET.matcher(key);
                    if (disk.matches() && isCopiedDisk(lower, disk.group(1), e.value())) {
                        String copy = diskNames.computeIfAbsent(e.value(), v -> diskName(fileBase, diskNames.size()));
                        if (disks.stream().noneMatch(d -> d.sourceFileName().equals(e.value()))) {
                            disks.add(new DiskCopy(e.value(), copy));
                        }
                        out.put(e.key(), copy);
                    } else if (nic.matches()) {
                        rewriteNic(out, e, nic.group(1), nic.group(2), lower, uuid, random, nicOffsets);
                    } else {
                        out.put(e.key(), e.value());
                    }
                }
            }
        }
        if (!lower.containsKey("uuid.bios")) {
            out.put("uuid.bios", uuidBios(uuid));
        }
        if (!lower.containsKey("displayname")) {
            out.put("displayName", VmxEscaping.percentEncode(VmxEscaping.pipeEncode(name)));
        }
        return new Result(out.toString(), List.copyOf(disks));
    }

    /** A file-based hard disk that is present (CD-ROM images and absent devices are not copied). */
    private static boolean isCopiedDisk(Map<String, String> vmx, String device, String fileName) {
        if ("false".equalsIgnoreCase(vmx.get(device + ".present"))) {
            return false;
        }
        String type = vmx.getOrDefault(device + ".devicetype", "").toLowerCase(Locale.ROOT);
        if (type.contains("cdrom") || type.contains("atapi") || type.equals("rawdisk") || type.contains("raw")) {
            return false;
        }
        return fileName.toLowerCase(Locale.ROOT).endsWith(".vmdk");
    }

    private static String diskName(String fileBase, int index) {
        return index == 0 ? fileBase + ".vmdk" : fileBase + "_" + index + ".vmdk";
    }

    /**
     * Generated and vCenter-assigned addresses become generated ones made from the new UUID
     * ({@code 00:0c:29} + the UUID's last three bytes, plus the NIC's offset, as ESX makes them);
     * a static address gets a random one in VMware's static range {@code 00:50:56:00:00:00}-
     * {@code 00:50:56:3f:ff:ff}.
     */
    private static void rewriteNic(VmxWriter out, VmxEntry e, String nic, String field, Map<String, String> vmx,
                                   UUID uuid, Random random, Map<String, Integer> offsets) {
        String f = field.toLowerCase(Locale.ROOT);
        String type = vmx.getOrDefault(nic + ".addresstype", "generated").toLowerCase(Locale.ROOT);
        boolean isStatic = type.equals("static");
        switch (f) {
            case "generatedaddress", "generatedaddressoffset" -> {
                if (!isStatic && f.equals("generatedaddress")) {
                    int offset = offsets.computeIfAbsent(nic, n -> offsets.size() * 10);
                    out.put(nic + ".generatedAddress", generatedMac(uuid, offset));
                    out.put(nic + ".generatedAddressOffset", Integer.toString(offset));
                }
            }
            case "addresstype" -> out.put(e.key(), isStatic ? e.value() : "generated");
            case "address" -> out.put(e.key(), isStatic ? staticMac(random) : e.value());
            default -> out.put(e.key(), e.value());
        }
    }

    static String generatedMac(UUID uuid, int offset) {
        long low = uuid.getLeastSignificantBits();
        int b3 = (int) ((low >>> 16) & 0xff);
        int b4 = (int) ((low >>> 8) & 0xff);
        int b5 = (int) ((low & 0xff) + offset) & 0xff;
        return String.format(Locale.ROOT, "00:0c:29:%02x:%02x:%02x", b3, b4, b5);
    }

    static String staticMac(Random random) {
        return String.format(Locale.ROOT, "00:50:56:%02x:%02x:%02x", random.nextInt(0x40), random.nextInt(0x100),
                random.nextInt(0x100));
    }

    /** {@code uuid.bios}'s form: 16 hex bytes, space-separated, a dash after the eighth. */
    static String uuidBios(UUID uuid) {
        StringBuilder sb = new StringBuilder(47);
        long[] halves = {uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()};
        for (int h = 0; h < 2; h++) {
            for (int i = 0; i < 8; i++) {
                int b = (int) ((halves[h] >>> (56 - 8 * i)) & 0xFF);
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(String.format(Locale.ROOT, "%02x", b));
            }
            if (h == 0) {
                sb.append('-');
            }
        }
        return sb.toString();
    }
}
