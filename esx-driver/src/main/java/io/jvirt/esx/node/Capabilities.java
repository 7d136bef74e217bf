package io.jvirt.esx.node;

import java.util.UUID;

/** libvirt's capabilities XML for an ESX host (esx-spec 2.2). */
public final class Capabilities {
    private Capabilities() {
    }

    public static String xml(UUID hostUuid, boolean longMode) {
        StringBuilder sb = new StringBuilder();
        sb.append("<capabilities>\n\n");
        sb.append("  <host>\n");
        sb.append("    <uuid>").append(hostUuid).append("</uuid>\n");
        sb.append("    <cpu>\n");
        sb.append("      <arch>").append(longMode ? "x86_64" : "i686").append("</arch>\n");
        sb.append("    </cpu>\n");
        sb.append("    <power_management/>\n");
        sb.append("    <iommu support='no'/>\n");
        sb.append("    <migration_features>\n");
        sb.append("      <live/>\n");
        sb.append("      <uri_transports>\n");
        sb.append("        <uri_transport>vpxmigr</uri_transport>\n");
        sb.append("      </uri_transports>\n");
        sb.append("    </migration_features>\n");
        sb.append("  </host>\n\n");
        guest(sb, "i686", 32);
        if (longMode) {
            guest(sb, "x86_64", 64);
        }
        sb.append("</capabilities>\n");
        return sb.toString();
    }

    private static void guest(StringBuilder sb, String arch, int wordsize) {
        sb.append("  <guest>\n");
        sb.append("    <os_type>hvm</os_type>\n");
        sb.append("    <arch name='").append(arch).append("'>\n");
        sb.append("      <wordsize>").append(wordsize).append("</wordsize>\n");
        sb.append("      <domain type='vmware'/>\n");
        sb.append("    </arch>\n");
        sb.append("  </guest>\n\n");
    }
}
