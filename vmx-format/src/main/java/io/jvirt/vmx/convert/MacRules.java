package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.MacAddress;

/**
 * How a MAC address is written to VMX (esx-spec 4.8): the VMware OUI ranges decide the default
 * address type, an explicit {@code <mac type>} / {@code check} overrides it.
 *
 * @param addressType   {@code generated}, {@code static} or {@code vpx}
 * @param checkMac      {@code true}/{@code false} for a {@code checkMACAddress} line, or null for none
 */
record MacRules(String addressType, String checkMac) {

    static MacRules of(MacAddress mac, String macType, String macCheck) {
        int prefix = mac.prefix();
        int suffix = mac.suffix();
        boolean generated;
        boolean vpx = false;
        boolean checkFalse = false;
        if (prefix == 0x000c29) {
            generated = true;
        } else if (prefix == 0x005056 && suffix <= 0x3fffff) {
            generated = false;
        } else if (prefix == 0x005056 && suffix >= 0x800000 && suffix <= 0xbfffff) {
            generated = true;
            vpx = true;
        } else {
            generated = false;
            checkFalse = true;
        }
        if ("static".equals(macType)) {
            generated = false;
        } else if ("generated".equals(macType)) {
            generated = true;
            checkFalse = false;
        }
        String check = checkFalse ? "false" : null;
        if ("yes".equals(macCheck)) {
            check = "true";
        } else if ("no".equals(macCheck)) {
            check = "false";
        }
        String type = !generated ? "static" : vpx ? "vpx" : "generated";
        return new MacRules(type, check);
    }
}
