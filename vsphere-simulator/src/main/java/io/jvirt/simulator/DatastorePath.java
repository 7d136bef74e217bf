package io.jvirt.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A datastore path {@code [datastore] dir/file}; {@code path} is relative to the datastore root
 * without leading or trailing slashes ("" for the root).
 *
 * <p>Not {@code io.jvirt.vmx.util.DatastorePath} on purpose: that one is the libvirt ESX driver's
 * client-side split (it accepts {@code [ds} without {@code ]} and fails with libvirt's message),
 * this one is the server's (a malformed path is vSphere's {@code InvalidArgument} fault), and the
 * simulator serves the vSphere API alone: it depends on vim25, not on vmx-format and the libvirt
 * API under it.
 */
record DatastorePath(String datastore, String path) {

    private static final Pattern FORMAT = Pattern.compile("\\[([^\\]]+)\\]\\s*(.*)");

    static DatastorePath parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw VimFaults.invalidArgument("datastorePath");
        }
        return new DatastorePath(m.group(1), normalize(m.group(2)));
    }

    static String normalize(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    String parent() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    @Override
    public String toString() {
        return path.isEmpty() ? "[" + datastore + "]" : "[" + datastore + "] " + path;
    }
}
