package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.FilesystemDef;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code sharedFolderN.*} into {@code <filesystem type='mount'>} elements. */
final class VmxSharedFolderReader {
    /** More shared folders than this are refused (VMware allows far fewer). */
    static final int MAX_FOLDERS = 1024;

    private final VmxValues vmx;

    VmxSharedFolderReader(VmxValues vmx) {
        this.vmx = vmx;
    }

    List<FilesystemDef> read() {
        if (vmx.bool("isolation.tools.hgfs.disable", true)) {
            return List.of();
        }
        String maxKey = "sharedFolder.maxNum";
        long max = vmx.longValue(maxKey, 0);
        if (max > MAX_FOLDERS) {
            throw vmx.error(maxKey, "Expecting VMX entry '%s' to be at most %d but found %d", maxKey, MAX_FOLDERS, max);
        }
        List<FilesystemDef> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            String p = "sharedFolder" + i;
            boolean present = vmx.bool(p + ".present", false);
            boolean enabled = vmx.bool(p + ".enabled", false);
            if (!present || !enabled) {
                continue;
            }
            String host = vmx.requiredString(p + ".hostPath");
            String guest = vmx.requiredString(p + ".guestName");
            boolean write = vmx.bool(p + ".writeAccess", false);
            out.add(new FilesystemDef("mount", "passthrough", host, guest, !write));
        }
        return out;
    }
}
