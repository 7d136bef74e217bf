package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.InterfaceDef;
import io.jvirt.spi.xml.MacAddress;
import io.jvirt.vmx.VmxEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Reads the {@code ethernetN.*} entries into {@code <interface>} elements. */
final class VmxEthernetReader {
    private static final Set<String> MODELS = Set.of("vlance", "vmxnet", "vmxnet3", "e1000", "e1000e");

    private final VmxValues vmx;

    VmxEthernetReader(VmxValues vmx) {
        this.vmx = vmx;
    }

    List<InterfaceDef> read() {
        List<InterfaceDef> out = new ArrayList<>();
        for (int index : indexes()) {
            InterfaceDef nic = readOne("ethernet" + index);
            if (nic != null) {
                out.add(nic);
            }
        }
        return out;
    }

    /**
     * The NIC indexes named by {@code ethernet<N>.} keys, each key checked for that form. libvirt loops
     * from 0 to the largest index; visiting only the named ones gives the same result without a
     * loop over billions of absent indexes.
     */
    private TreeSet<Integer> indexes() {
        TreeSet<Integer> indexes = new TreeSet<>();
        for (VmxEntry e : vmx.file().entries()) {
            String key = e.key();
            if (!key.regionMatches(true, 0, "ethernet", 0, 8)) {
                continue;
            }
            int i = 8;
            long n = 0;
            while (i < key.length() && Character.isDigit(key.charAt(i)) && n <= Integer.MAX_VALUE) {
                n = n * 10 + (key.charAt(i) - '0');
                i++;
            }
            if (i == 8 || i >= key.length() || key.charAt(i) != '.' || n > Integer.MAX_VALUE) {
                throw vmx.error(key, "failed to parse the index of the VMX key '%s'", key);
            }
            indexes.add((int) n);
        }
        return indexes;
    }

    private InterfaceDef readOne(String p) {
        if (!vmx.bool(p + ".present", false)) {
            return null;
        }
        vmx.bool(p + ".startConnected", true);
        String addressType = vmx.string(p + ".addressType");
        MacAddress mac = null;
        String macType = null;
        String macKey;
        if (addressType == null || addressType.equalsIgnoreCase("generated") || addressType.equalsIgnoreCase("vpx")) {
            macKey = p + ".generatedAddress";
            macType = addressType == null ? null : "generated";
        } else if (addressType.equalsIgnoreCase("static")) {
            macKey = p + ".address";
            macType = "static";
        } else {
            throw vmx.error(p + ".addressType", "Expecting VMX entry '%s' to be 'generated' or 'static' or 'vpx' but "
                    + "found '%s'", p + ".addressType", addressType);
        }
        String macText = vmx.string(macKey);
        if (macText != null) {
            mac = MacAddress.tryParse(macText);
            if (mac == null) {
                throw vmx.error(macKey, "Expecting VMX entry '%s' to be MAC address but found '%s'", macKey, macText);
            }
        } else {
            mac = new MacAddress(0);
        }
        String check = vmx.string(p + ".checkMACAddress");
        String macCheck = check == null ? null : check.equals("true") ? "yes" : "no";

        String model = null;
        String devKey = p + ".virtualDev";
        String virtualDev = vmx.string(devKey);
        if (virtualDev != null) {
            model = virtualDev.toLowerCase(Locale.ROOT);
            if (!MODELS.contains(model)) {
                throw vmx.error(devKey, "Expecting VMX entry '%s' to be 'vlance' or 'vmxnet' or 'vmxnet3' or 'e1000' "
                        + "or 'e1000e' but found '%s'", devKey, virtualDev);
            }
            if (model.equals("vmxnet") && vmx.longValue(p + ".features", 0) == 15) {
                model = "vmxnet2";
            }
        }

        String ctKey = p + ".connectionType";
        String connectionType = vmx.string(ctKey);
        String networkName = null;
        String vnet = null;
        boolean bridged = connectionType != null && connectionType.equalsIgnoreCase("bridged");
        boolean custom = connectionType != null && connectionType.equalsIgnoreCase("custom");
        if (connectionType == null || bridged || custom) {
            networkName = bridged || custom ? vmx.requiredString(p + ".networkName") : vmx.string(p + ".networkName");
        }
        if (custom) {
            vnet = vmx.requiredString(p + ".vnet");
        }
        String switchKey = p + ".dvs.switchId";
        if (vmx.string(switchKey) != null) {
            UUID switchId = vmx.uuid(switchKey);
            vmx.requiredString(p + ".dvs.portId");
            long portId = vmx.longValue(p + ".dvs.portId", 0);
            String portgroupId = vmx.requiredString(p + ".dvs.portgroupId");
            vmx.requiredString(p + ".dvs.connectionId");
            long connectionId = vmx.longValue(p + ".dvs.connectionId", 0);
            return new InterfaceDef("vds", mac, macType, macCheck, null, switchId, portId, portgroupId, connectionId,
                    null, model);
        }
        String type;
        if (connectionType == null && networkName == null) {
            type = "null";
        } else if (connectionType == null || bridged) {
            type = "bridge";
        } else if (connectionType.equalsIgnoreCase("hostonly")) {
            throw vmx.error(ctKey, "Not yet handled value '%s' for VMX entry '%s'", connectionType, ctKey);
        } else if (connectionType.equalsIgnoreCase("nat")) {
            type = "user";
        } else if (custom) {
            type = "bridge";
        } else {
            throw vmx.error(ctKey, "Invalid value '%s' for VMX entry '%s'", connectionType, ctKey);
        }
        return new InterfaceDef(type, mac, macType, macCheck, type.equals("bridge") ? networkName : null, null, null,
                null, null, vnet, model);
    }
}
