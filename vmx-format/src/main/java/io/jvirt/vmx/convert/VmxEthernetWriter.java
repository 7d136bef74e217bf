package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.InterfaceDef;
import io.jvirt.vmx.VmxWriter;

import java.util.Set;

/** Writes one {@code <interface>} as {@code ethernetN.*} lines. */
final class VmxEthernetWriter {
    private static final Set<String> MODELS = Set.of("vlance", "vmxnet", "vmxnet2", "vmxnet3", "e1000", "e1000e");

    private VmxEthernetWriter() {
    }

    static void write(VmxWriter out, InterfaceDef nic, int index, int virtualHw) {
        int max = virtualHw >= 7 ? 9 : 3;
        if (index > max) {
            throw Errors.internal("Ethernet controller index %d out of [0..%d] range", index, max);
        }
        String p = "ethernet" + index;
        out.put(p + ".present", "true");
        if (nic.model() != null) {
            if (!MODELS.contains(nic.model())) {
                throw Errors.internal("Expecting domain XML entry 'devices/interface/model' to be 'vlance' or "
                        + "'vmxnet' or 'vmxnet2' or 'vmxnet3' or 'e1000' or 'e1000e' but found '%s'", nic.model());
            }
            if (nic.model().equals("vmxnet2")) {
                out.put(p + ".virtualDev", "vmxnet");
                out.put(p + ".features", "15");
            } else {
                out.put(p + ".virtualDev", nic.model());
            }
        }
        switch (nic.type()) {
            case "bridge" -> {
                out.put(p + ".networkName", nic.sourceBridge());
                if (nic.targetDev() != null) {
                    out.put(p + ".connectionType", "custom");
                    out.put(p + ".vnet", nic.targetDev());
                } else {
                    out.put(p + ".connectionType", "bridged");
                }
            }
            case "user" -> out.put(p + ".connectionType", "nat");
            case "null" -> {
            }
            case "vds" -> {
                out.put(p + ".dvs.switchId", DomainToVmx.uuidBios(nic.switchId()));
                out.put(p + ".dvs.portId", nic.portId());
                out.put(p + ".dvs.portgroupId", xmlEscape(nic.portgroupId()));
                out.put(p + ".dvs.connectionId", nic.connectionId());
            }
            default -> throw Errors.unsupported("Unsupported net type '%s'", nic.type());
        }
        MacRules rules = MacRules.of(nic.mac(), nic.macType(), nic.macCheck());
        out.put(p + ".addressType", rules.addressType());
        if (rules.addressType().equals("static")) {
            out.put(p + ".address", nic.mac().toString());
        } else {
            out.put(p + ".generatedAddress", nic.mac().toString());
            if (rules.addressType().equals("generated")) {
                out.put(p + ".generatedAddressOffset", "0");
            }
        }
        if (rules.checkMac() != null) {
            out.put(p + ".checkMACAddress", rules.checkMac());
        }
    }

    /** libvirt writes the port group id XML-escaped (the wrong scheme for VMX, but what ESX got so far). */
    private static String xmlEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
